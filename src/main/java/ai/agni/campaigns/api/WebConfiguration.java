package ai.agni.campaigns.api;

import java.util.List;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.converter.HttpMessageConverters;
import org.springframework.web.filter.UrlHandlerFilter;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/** Filters that every request passes, in order, and the {@link Tenant} argument. */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

  /**
   * Filter order: trailing slash, then the text rule on parameters, then casing of query
   * parameters, then size, then the API key.
   */
  public static final int ORDER_TRAILING_SLASH = Ordered.HIGHEST_PRECEDENCE + 10;

  public static final int ORDER_PARAMETER_TEXT = ORDER_TRAILING_SLASH + 1;
  public static final int ORDER_PARAMETER_CASING = ORDER_TRAILING_SLASH + 2;
  public static final int ORDER_BODY_LIMIT = ORDER_TRAILING_SLASH + 3;

  private final ObjectMapper mapper;
  private final RequestBinder binder;

  WebConfiguration(ObjectMapper mapper, RequestBinder binder) {
    this.mapper = mapper;
    this.binder = binder;
  }

  @Bean
  FilterRegistrationBean<UrlHandlerFilter> trailingSlashFilter() {
    // why: the public docs use both /campaigns/{id} and /campaigns/{id}/; serve both from one
    // route.
    UrlHandlerFilter filter =
        UrlHandlerFilter.trailingSlashHandler("/api/**").wrapRequest().build();
    FilterRegistrationBean<UrlHandlerFilter> registration = new FilterRegistrationBean<>(filter);
    registration.setOrder(ORDER_TRAILING_SLASH);
    return registration;
  }

  @Bean
  FilterRegistrationBean<ParameterTextFilter> parameterTextFilter(JsonMapper json) {
    FilterRegistrationBean<ParameterTextFilter> registration =
        new FilterRegistrationBean<>(new ParameterTextFilter(json));
    registration.setOrder(ORDER_PARAMETER_TEXT);
    return registration;
  }

  @Bean
  FilterRegistrationBean<ParameterCasingFilter> parameterCasingFilter() {
    FilterRegistrationBean<ParameterCasingFilter> registration =
        new FilterRegistrationBean<>(new ParameterCasingFilter());
    registration.setOrder(ORDER_PARAMETER_CASING);
    return registration;
  }

  @Bean
  FilterRegistrationBean<BodySizeLimitFilter> bodySizeLimitFilter() {
    FilterRegistrationBean<BodySizeLimitFilter> registration =
        new FilterRegistrationBean<>(new BodySizeLimitFilter());
    registration.setOrder(ORDER_BODY_LIMIT);
    return registration;
  }

  /** Typed request bodies ({@link RequestModel} records), ahead of the default converters. */
  @Override
  public void configureMessageConverters(HttpMessageConverters.ServerBuilder builder) {
    builder.addCustomConverter(new RequestModelConverter(mapper, binder));
  }

  @Override
  public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
    resolvers.add(new TenantArgumentResolver());
  }
}
