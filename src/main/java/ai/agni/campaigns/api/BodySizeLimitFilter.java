package ai.agni.campaigns.api;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Rejects JSON bodies over 1 MiB with a 400 before they are parsed; declared lengths are refused at
 * once, chunked bodies when the count passes the limit. CSV imports have their own limit, and so
 * does the bulk contact endpoint: why: it takes up to 10,000 contacts per request, which does not
 * fit in 1 MiB, and docs/api.md §1.15 promises both.
 */
class BodySizeLimitFilter extends OncePerRequestFilter {

  static final long MAX_JSON_BYTES = 1024 * 1024;
  static final long MAX_BULK_JSON_BYTES = 16 * MAX_JSON_BYTES;
  private static final String BULK_PATH = "/api/v1/contacts/bulk";

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String type = request.getContentType();
    return type != null
        && (type.startsWith(MediaType.MULTIPART_FORM_DATA_VALUE) || type.startsWith("text/csv"));
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    long limit = limitFor(request);
    if (request.getContentLengthLong() > limit) {
      response.setStatus(400);
      response.setContentType(MediaType.APPLICATION_JSON_VALUE);
      response.getOutputStream().write(tooLargeJson(limit).getBytes(StandardCharsets.UTF_8));
      return;
    }
    chain.doFilter(new Limited(request, limit), response);
  }

  private static long limitFor(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    return path.equals(BULK_PATH) || path.equals(BULK_PATH + "/")
        ? MAX_BULK_JSON_BYTES
        : MAX_JSON_BYTES;
  }

  static String describe(long limit) {
    return "larger than " + limit / MAX_JSON_BYTES + " MiB";
  }

  static String tooLargeJson(long limit) {
    return "{\"success\":false,\"message\":\"body: "
        + describe(limit)
        + "\",\"code\":\"INVALID_REQUEST\",\"errors\":[{\"field\":\"body\",\"message\":\""
        + describe(limit)
        + "\"}]}";
  }

  /** Thrown inside the body stream; the exception handler turns it into a 400 naming the body. */
  static final class BodyTooLargeException extends IOException {
    private final long limit;

    BodyTooLargeException(long limit) {
      super("body is " + describe(limit));
      this.limit = limit;
    }

    List<ApiError.FieldError> errors() {
      return List.of(new ApiError.FieldError("body", describe(limit)));
    }
  }

  private static final class Limited extends HttpServletRequestWrapper {
    private final long limit;
    private ServletInputStream stream;

    Limited(HttpServletRequest request, long limit) {
      super(request);
      this.limit = limit;
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
      if (stream == null) {
        stream = new CountingStream(super.getInputStream(), limit);
      }
      return stream;
    }
  }

  private static final class CountingStream extends ServletInputStream {
    private final ServletInputStream delegate;
    private final long limit;
    private long count;

    CountingStream(ServletInputStream delegate, long limit) {
      this.delegate = delegate;
      this.limit = limit;
    }

    @Override
    public int read() throws IOException {
      int b = delegate.read();
      if (b >= 0) {
        count(1);
      }
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int n = delegate.read(buffer, offset, length);
      if (n > 0) {
        count(n);
      }
      return n;
    }

    private void count(int n) throws IOException {
      count += n;
      if (count > limit) {
        throw new BodyTooLargeException(limit);
      }
    }

    @Override
    public boolean isFinished() {
      return delegate.isFinished();
    }

    @Override
    public boolean isReady() {
      return delegate.isReady();
    }

    @Override
    public void setReadListener(ReadListener listener) {
      delegate.setReadListener(listener);
    }
  }
}
