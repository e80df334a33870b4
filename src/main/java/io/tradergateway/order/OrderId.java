package io.tradergateway.order;

import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** The documentation of the {id} path parameter: an order id this gateway placed. */
@Target(ElementType.PARAMETER)
@Retention(RetentionPolicy.RUNTIME)
@Parameter(
        name = "id",
        description = "the order id (IB's orderId) of an order this gateway placed",
        example = "1001",
        schema = @Schema(type = "integer", format = "int32", minimum = "1"))
@interface OrderId {}
