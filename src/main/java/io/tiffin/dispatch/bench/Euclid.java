package io.tiffin.dispatch.bench;

/** Plane distances as the benchmark families define them. */
final class Euclid {

    private Euclid() {}

    /** @param tsplibRounded TSPLIB EUC_2D: nint of the Euclidean distance, i.e. {@code (int) (d + 0.5)} */
    static double[][] matrix(double[][] xy, boolean tsplibRounded) {
        int n = xy.length;
        double[][] out = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double d = Math.hypot(xy[i][0] - xy[j][0], xy[i][1] - xy[j][1]);
                out[i][j] = tsplibRounded ? (int) (d + 0.5) : d;
            }
        }
        return out;
    }
}
