package io.tiffin.dispatch;

/** Drivers as other modules see them: seeding enrols a driver with a name and a last known position. */
public interface Fleet {

    /** Creates the driver profile of a DRIVER user unless it exists. {@code lastKnown} may be null. */
    void enrol(String userId, String merchantId, String firstName, GeoPoint lastKnown);
}
