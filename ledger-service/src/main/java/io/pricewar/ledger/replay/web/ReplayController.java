package io.pricewar.ledger.replay.web;

import io.pricewar.ledger.replay.ReplayStatus;
import io.pricewar.ledger.replay.run.ReplayRunner;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

@RestController
@RequestMapping("/api/v1/admin/replay")
@Tag(name = "admin", description = "Rebuild the projections from the log (X-Admin-Key required)")
class ReplayController {

    private final ReplayRunner runner;

    ReplayController(ReplayRunner runner) {
        this.runner = runner;
    }

    /** 202 with the new replay; 409 with the running one if a replay is already under way. */
    @PostMapping
    @Operation(summary = "Rebuild every projection from offset 0 into a new generation, verify it, switch")
    Mono<ResponseEntity<ReplayStatus>> start(@Parameter(description = "switch even if the history both "
            + "generations hold differs, to replace a live generation an audit found altered")
                                             @RequestParam(defaultValue = "false") boolean force) {
        return Mono.fromCallable(() -> started(force)).subscribeOn(Schedulers.boundedElastic());
    }

    /** Starting reads the generation pointer from MongoDB, so it runs off the event loop. */
    private ResponseEntity<ReplayStatus> started(boolean force) {
        ReplayStatus before = runner.status();
        ReplayStatus status = runner.start(force);
        boolean alreadyRunning = before != null && before.active() && before.id().equals(status.id());
        return ResponseEntity.status(alreadyRunning ? HttpStatus.CONFLICT : HttpStatus.ACCEPTED).body(status);
    }

    @GetMapping
    @Operation(summary = "Progress of the running replay, or the outcome of the last one")
    ResponseEntity<ReplayStatus> progress() {
        ReplayStatus status = runner.status();
        return status == null ? ResponseEntity.noContent().build() : ResponseEntity.ok(status);
    }
}
