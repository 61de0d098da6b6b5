package io.tiffin;

import io.tiffin.platform.cli.CliTool;
import java.util.Arrays;
import java.util.ServiceLoader;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class TiffinApplication {

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && !args[0].startsWith("-")) {
            for (CliTool tool : ServiceLoader.load(CliTool.class)) {
                if (tool.name().equals(args[0])) {
                    System.exit(tool.run(Arrays.copyOfRange(args, 1, args.length)));
                }
            }
        }
        SpringApplication.run(TiffinApplication.class, args);
    }
}
