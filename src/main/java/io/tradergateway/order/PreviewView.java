package io.tradergateway.order;

import io.swagger.v3.oas.annotations.media.Schema;
import io.tradergateway.tws.wire.OpenOrder;
import io.tradergateway.tws.wire.OrderState;

/** IB's what-if answer: commission estimate and margin / equity-with-loan before, change and after (as TWS sends them). */
@Schema(description = "What-if: commission and margin effect of an order, nothing placed")
public record PreviewView(
        @Schema(example = "1.0") Double commission,
        @Schema(example = "1.0") Double minCommission,
        @Schema(example = "1.0") Double maxCommission,
        @Schema(example = "USD") String commissionCurrency,
        @Schema(example = "0.00") String initMarginBefore,
        @Schema(example = "4750.00") String initMarginChange,
        @Schema(example = "4750.00") String initMarginAfter,
        @Schema(example = "0.00") String maintMarginBefore,
        @Schema(example = "3800.00") String maintMarginChange,
        @Schema(example = "3800.00") String maintMarginAfter,
        @Schema(example = "1000000.00") String equityWithLoanBefore,
        @Schema(example = "-1.00") String equityWithLoanChange,
        @Schema(example = "999999.00") String equityWithLoanAfter,

        @Schema(description = "IB's warning text, if any", example = "")
        String warning) {

    static PreviewView of(OpenOrder answer) {
        OrderState s = answer.state();
        return new PreviewView(
                number(s.commission()),
                number(s.minCommission()),
                number(s.maxCommission()),
                s.commissionCurrency(),
                s.initMarginBefore(),
                s.initMarginChange(),
                s.initMarginAfter(),
                s.maintMarginBefore(),
                s.maintMarginChange(),
                s.maintMarginAfter(),
                s.equityWithLoanBefore(),
                s.equityWithLoanChange(),
                s.equityWithLoanAfter(),
                s.warningText());
    }

    private static Double number(double value) {
        return value == Double.MAX_VALUE ? null : value;
    }
}
