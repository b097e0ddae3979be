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
    original.forEach(
        (name, values) -> {
          both.putIfAbsent(JsonBody.snakeCase(name), values);
          both.putIfAbsent(JsonBody.camelCase(name), values);
        });
    chain.doFilter(new BothCasings(request, Collections.unmodifiableMap(both)), response);
  }

  private static final class BothCasings extends HttpServletRequestWrapper {
    private final Map<String, String[]> parameters;

    BothCasings(HttpServletRequest request, Map<String, String[]> parameters) {
      super(request);
      this.parameters = parameters;
    }

    @Override
    public String getParameter(String name) {
      String[] values = parameters.get(name);
      return values == null || values.length == 0 ? null : values[0];
    }

    @Override
    public Map<String, String[]> getParameterMap() {
      return parameters;
    }

    @Override
    public Enumeration<String> getParameterNames() {
      return Collections.enumeration(parameters.keySet());
    }

    @Override
    public String[] getParameterValues(String name) {
      return parameters.get(name);
    }
  }
}
