package io.tradergateway.contract;

import io.tradergateway.web.ProblemTypes;
import java.net.URI;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** 404 {@code contract-not-found} and 400 {@code ambiguous-contract} (with the candidates). */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class ContractProblemHandler {

    static final URI NOT_FOUND = ProblemTypes.of("contract-not-found");
    static final URI AMBIGUOUS = ProblemTypes.of("ambiguous-contract");

    @ExceptionHandler(ContractNotFoundException.class)
    ResponseEntity<ProblemDetail> notFound(ContractNotFoundException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
        problem.setType(NOT_FOUND);
        problem.setTitle("Contract not found");
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(problem);
    }

    @ExceptionHandler(AmbiguousContractException.class)
    ResponseEntity<ProblemDetail> ambiguous(AmbiguousContractException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        problem.setType(AMBIGUOUS);
        problem.setTitle("Ambiguous contract");
        problem.setProperty(
                "candidates",
                e.candidates().stream()
                        .map(c -> c.conId() + " " + c.symbol() + " " + c.secType() + " " + c.exchange() + " "
                                + c.currency() + (c.expiry() == null ? "" : " " + c.expiry()))
                        .toList());
        return ResponseEntity.badRequest().body(problem);
    }
}
