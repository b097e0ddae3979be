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
 * once, chunked bodies when the count passes the limit. CSV imports have their own limit.
 */
class BodySizeLimitFilter extends OncePerRequestFilter {

  static final long MAX_JSON_BYTES = 1024 * 1024;

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
    if (request.getContentLengthLong() > MAX_JSON_BYTES) {
      response.setStatus(400);
      response.setContentType(MediaType.APPLICATION_JSON_VALUE);
      response.getOutputStream().write(tooLargeJson().getBytes(StandardCharsets.UTF_8));
      return;
    }
    chain.doFilter(new Limited(request), response);
  }

  static String tooLargeJson() {
    return "{\"success\":false,\"message\":\"body: larger than 1 MiB\",\"code\":\"INVALID_REQUEST\","
        + "\"errors\":[{\"field\":\"body\",\"message\":\"larger than 1 MiB\"}]}";
  }

  /** Thrown inside the body stream; the exception handler turns it into a 400 naming the body. */
  static final class BodyTooLargeException extends IOException {
    BodyTooLargeException() {
      super("body is larger than 1 MiB");
    }
  }

  static List<ApiError.FieldError> tooLargeErrors() {
    return List.of(new ApiError.FieldError("body", "larger than 1 MiB"));
  }

  private static final class Limited extends HttpServletRequestWrapper {
    private ServletInputStream stream;

    Limited(HttpServletRequest request) {
      super(request);
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
      if (stream == null) {
        stream = new CountingStream(super.getInputStream());
      }
      return stream;
    }
  }

  private static final class CountingStream extends ServletInputStream {
    private final ServletInputStream delegate;
    private long count;

    CountingStream(ServletInputStream delegate) {
      this.delegate = delegate;
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
      if (count > MAX_JSON_BYTES) {
        throw new BodyTooLargeException();
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
