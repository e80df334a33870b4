package io.tradergateway;

import io.tradergateway.sim.SimulatorMain;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class GatewayApplication {

    public static void main(String[] args) throws Exception {
        if (SimulatorMain.isStandalone(args)) {
            SimulatorMain.main(args); // a fake TWS only, no gateway
            return;
        }
        SpringApplication.run(GatewayApplication.class, args);
    }
}
