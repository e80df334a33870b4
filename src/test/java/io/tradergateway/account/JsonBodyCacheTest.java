package io.tradergateway.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** The positions answer is serialised once per view instance, per key, and tagged by its bytes. */
class JsonBodyCacheTest {

    private static final Instant AS_OF = Instant.parse("2026-11-26T15:00:00Z");
    private final JsonMapper json = JsonMapper.builder().build();
    private final JsonBodyCache<PositionsResponse> cache = new JsonBodyCache<>(json.writerFor(PositionsResponse.class));

    @Test
    void theSameViewIsServedFromTheKeptBytes() {
        PositionsResponse view = new PositionsResponse(List.of(), AS_OF, false, false);
        JsonBodyCache.Body first = cache.body("", view);
        assertThat(new String(first.json(), java.nio.charset.StandardCharsets.UTF_8))
                .isEqualTo(json.writeValueAsString(view));
        assertThat(cache.body("", view)).isSameAs(first);
    }

    @Test
    void aNewViewIsSerialisedAgainAndTaggedByItsContent() {
        JsonBodyCache.Body before = cache.body("", new PositionsResponse(List.of(), AS_OF, false, false));
        JsonBodyCache.Body changed = cache.body("", new PositionsResponse(List.of(), AS_OF, true, false));
        assertThat(changed.json()).isNotEqualTo(before.json());
        assertThat(changed.etag()).isNotEqualTo(before.etag()).matches("\"[0-9a-f]{32}\"");

        JsonBodyCache.Body equalAgain = cache.body("", new PositionsResponse(List.of(), AS_OF, false, false));
        assertThat(equalAgain).isNotSameAs(before);
        assertThat(equalAgain.etag()).isEqualTo(before.etag());
    }

    @Test
    void eachKeyKeepsItsOwnBody() {
        PositionsResponse all = new PositionsResponse(List.of(), AS_OF, false, false);
        PositionsResponse one = new PositionsResponse(List.of(), AS_OF.plusSeconds(1), false, false);
        JsonBodyCache.Body allBody = cache.body("", all);
        JsonBodyCache.Body oneBody = cache.body("DU1111111", one);
        assertThat(cache.body("", all)).isSameAs(allBody);
        assertThat(cache.body("DU1111111", one)).isSameAs(oneBody);
    }
}
