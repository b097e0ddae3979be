package ai.agni.campaigns.api;

import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/** Lets controller methods take a {@link Tenant} parameter. */
class TenantArgumentResolver implements HandlerMethodArgumentResolver {

  @Override
  public boolean supportsParameter(MethodParameter parameter) {
    return parameter.getParameterType() == Tenant.class;
  }

  @Override
  public Tenant resolveArgument(
      MethodParameter parameter,
      ModelAndViewContainer mavContainer,
      NativeWebRequest webRequest,
      WebDataBinderFactory binderFactory) {
    Object tenant = webRequest.getAttribute(Tenant.ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
    if (tenant == null) {
      throw new UnauthorizedException("X-Api-Key header is required");
    }
    return (Tenant) tenant;
  }
}
