package ai.agni.campaigns.api;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Makes every query parameter readable in both casings ({@code page_size} and {@code pageSize}), so
 * controllers declare one name and clients may send either.
 */
class ParameterCasingFilter extends OncePerRequestFilter {

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Map<String, String[]> original = request.getParameterMap();
    if (original.isEmpty()) {
      chain.doFilter(request, response);
      return;
    }
    Map<String, String[]> both = new LinkedHashMap<>(original);
    Map<String, String> twice = new LinkedHashMap<>();
    original.forEach(
        (name, values) -> {
          String snake = JsonNames.snakeCase(name);
          String camel = JsonNames.camelCase(name);
          if (!snake.equals(camel) && original.containsKey(snake) && original.containsKey(camel)) {
            twice.put(snake, "sent twice, as " + snake + " and as " + camel + "; send one");
          }
          both.putIfAbsent(snake, values);
          both.putIfAbsent(camel, values);
        });
    chain.doFilter(new BothCasings(request, Collections.unmodifiableMap(both), twice), response);
  }

  private static final class BothCasings extends HttpServletRequestWrapper {
    private final Map<String, String[]> parameters;
    private final Map<String, String> sentTwice;

    BothCasings(
        HttpServletRequest request, Map<String, String[]> parameters, Map<String, String> twice) {
      super(request);
      this.parameters = parameters;
      this.sentTwice = twice;
    }

    @Override
    public String getParameter(String name) {
      String[] values = getParameterValues(name);
      return values == null || values.length == 0 ? null : values[0];
    }

    /** Controllers that take every parameter as a map see the same 400. */
    @Override
    public Map<String, String[]> getParameterMap() {
      sentTwice.forEach(
          (snake, message) -> {
            throw new InvalidRequestException(snake, message);
          });
      return parameters;
    }

    @Override
    public Enumeration<String> getParameterNames() {
      return Collections.enumeration(parameters.keySet());
    }

    /**
     * A parameter sent as both {@code page_size} and {@code pageSize} is a 400 when a controller
     * reads it, as a body field sent in both casings is.
     */
    @Override
    public String[] getParameterValues(String name) {
      String snake = JsonNames.snakeCase(name);
      String twice = sentTwice.get(snake);
      if (twice != null) {
        throw new InvalidRequestException(snake, twice);
      }
      return parameters.get(name);
    }
  }
}
