package io.tradergateway.order;

import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;

/** The body of PATCH /api/v1/orders/{id}: what to change; absent fields stay as they are. */
@Schema(description = "Changes to a working order")
public record OrderChange(
        @Schema(example = "189.50") BigDecimal limitPrice,
        @Schema(example = "184.00") BigDecimal auxPrice,
        @Schema(example = "20") BigDecimal quantity,

        @Schema(
                example = "GTC",
                allowableValues = {"DAY", "GTC", "IOC", "OPG"})
        String tif) {}
