package io.tradergateway.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates a request whose {@code X-API-Key} matches a configured key. Keys are compared as SHA-256
 * digests with {@link MessageDigest#isEqual}, and every configured key is compared, so the time taken says
 * nothing about how much of a key was right or which key matched.
 *
 * <p>With no keys configured, a caller on loopback is the local operator and is authenticated as such (it
 * sees health details); {@link ExposureGuard} makes sure such a gateway is loopback-only unless overridden,
 * and a remote caller of an overridden one stays anonymous.
 *
 * <p>The authentication is also kept in a request attribute, so the container's later dispatches of the same
 * request (the ASYNC dispatch that completes a streamed history response, an ERROR dispatch) are authorised
 * as the request they continue: without it, the async dispatch of a streamed body was denied after the body
 * had been written and the response lost its final chunk.
 */
final class ApiKeyFilter extends OncePerRequestFilter {

    static final String HEADER = "X-API-Key";

    /** One authority list for every request: immutable, so it is shared rather than built per request. */
    private static final List<GrantedAuthority> API_ROLE = AuthorityUtils.createAuthorityList("ROLE_API");

    /**
     * SHA-256 looked up once: {@link MessageDigest#getInstance} searches the security providers on every call, so
     * each request digests with a clone of this one (a cloned digest is fresh and private to the caller).
     */
    private static final MessageDigest SHA_256 = lookUpSha256();

    private final List<byte[]> keyDigests;
    private final RequestAttributeSecurityContextRepository dispatches =
            new RequestAttributeSecurityContextRepository();

    ApiKeyFilter(List<String> keys) {
        this.keyDigests = keys.stream().map(ApiKeyFilter::sha256).toList();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (keyDigests.isEmpty()) {
            if (isLoopback(request.getRemoteAddr())) {
                authenticate("local-operator", request, response);
            }
        } else {
            String presented = request.getHeader(HEADER);
            if (presented != null && matches(presented)) {
                authenticate("api-client", request, response);
            }
        }
        chain.doFilter(request, response);
    }

    private void authenticate(String principal, HttpServletRequest request, HttpServletResponse response) {
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(principal, null, API_ROLE));
        SecurityContextHolder.setContext(context);
        dispatches.saveContext(context, request, response);
    }

    /** The remote address is an IP literal, so this never resolves a name. */
    private static boolean isLoopback(String remoteAddress) {
        try {
            return remoteAddress != null && InetAddress.getByName(remoteAddress).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    boolean matches(String presented) {
        byte[] digest = sha256(presented);
        boolean match = false;
        for (byte[] key : keyDigests) {
            match |= MessageDigest.isEqual(key, digest);
        }
        return match;
    }

    private static byte[] sha256(String value) {
        MessageDigest digest;
        try {
            digest = (MessageDigest) SHA_256.clone();
        } catch (CloneNotSupportedException e) {
            digest = lookUpSha256(); // a provider whose digest cannot be cloned: look it up per call
        }
        return digest.digest(value.getBytes(StandardCharsets.UTF_8));
    }

    private static MessageDigest lookUpSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java runtime", e);
        }
    }
}
