package io.tiffin.dispatch.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.tiffin.dispatch.internal.JspritPlanner;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class RouteBenchToolUnitTest {

    static final Path DATA = Path.of("../shared/data/vrp");

    @Test
    void printsOneFeasibleLinePerInstanceAndTheAverageGap() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        String[] args = {
            DATA.resolve("cvrp/A-n32-k5.vrp").toString(),
            DATA.resolve("cvrp/A-n33-k5.vrp").toString(),
            "--time-limit",
            "1",
            "--bks",
            DATA.resolve("cvrp/optimal.csv").toString()
        };

        int exit = new RouteBenchTool()
                .run(
                        args,
                        new PrintStream(out, true, StandardCharsets.UTF_8),
                        new PrintStream(err, true, StandardCharsets.UTF_8),
                        new JspritPlanner(2));

        String[] lines = out.toString(StandardCharsets.UTF_8).strip().split("\n");
        assertThat(exit).isZero();
        assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
        assertThat(lines).hasSize(3);
        assertThat(lines[0])
                .matches(
                        "A-n32-k5 vehicles=\\d+ distance=\\d+\\.\\d\\d seconds=\\d+\\.\\d\\d bks=784\\.00 gap=-?\\d+\\.\\d\\d%");
        assertThat(lines[1]).startsWith("A-n33-k5 vehicles=");
        assertThat(lines[2]).matches("average_gap=-?\\d+\\.\\d\\d% n=2");
    }

    @Test
    void isFoundByItsName() {
        assertThat(new RouteBenchTool().name()).isEqualTo("route-bench");
    }
}
