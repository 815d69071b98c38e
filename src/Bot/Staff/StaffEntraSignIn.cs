using System.Security.Claims;
using Clinic.Bot.Protocol;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Http;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace Clinic.Bot.Staff;

/// <summary>
/// Entra ID sign-in for /staff (OpenID Connect, cookie afterwards). Registered only when Staff:Authority and
/// Staff:ClientId are set. The schemes are named, never the default, so nothing else in the app is affected.
/// </summary>
internal static class StaffEntraSignIn
{
    public const string CookieScheme = "StaffEntraCookie";
    public const string OidcScheme = "StaffEntra";
    public const string CallbackPath = "/staff/signin-oidc";
    public const string FailedRedirect = "/staff/?signin=failed";

    public static void Register(IServiceCollection services, StaffOptions o)
    {
        services.AddAuthentication()
            .AddCookie(CookieScheme, cookie =>
            {
                cookie.Cookie.Name = "clinic-staff-entra";
                cookie.Cookie.Path = "/staff";
                cookie.Cookie.HttpOnly = true;
                cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;

                // Lax, not Strict: the sign-in returns by a cross-site POST. Writes still need the custom header.
                cookie.Cookie.SameSite = SameSiteMode.Lax;
                cookie.ExpireTimeSpan = o.SessionLifetime;
                cookie.SlidingExpiration = false;
                cookie.Events.OnRedirectToLogin = context =>
                {
                    context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                    return Task.CompletedTask;
                };
            })
            .AddOpenIdConnect(OidcScheme, oidc =>
            {
                oidc.SignInScheme = CookieScheme;
                oidc.Authority = o.Authority;
                oidc.ClientId = o.ClientId;
                oidc.CallbackPath = CallbackPath;
                oidc.RequireHttpsMetadata = !LoopbackAddress.IsLoopbackHost(new Uri(o.Authority!));
                if (string.IsNullOrWhiteSpace(o.ClientSecret))
                {
                    oidc.ResponseType = OpenIdConnectResponseType.IdToken;
                }
                else
                {
                    oidc.ResponseType = OpenIdConnectResponseType.Code;
                    oidc.ClientSecret = o.ClientSecret;
                    oidc.UsePkce = true;
                }

                oidc.ResponseMode = OpenIdConnectResponseMode.FormPost;
                oidc.MapInboundClaims = false;
                oidc.GetClaimsFromUserInfoEndpoint = false;
                oidc.SaveTokens = false;
                oidc.Scope.Clear();
                oidc.Scope.Add("openid");
                oidc.Scope.Add("profile");
                oidc.TokenValidationParameters.NameClaimType = "name";
                oidc.TokenValidationParameters.RoleClaimType = "roles";
                oidc.Events.OnTokenValidated = context =>
                {
                    if (!string.IsNullOrWhiteSpace(o.RequiredRole) && context.Principal?.HasClaim("roles", o.RequiredRole) != true)
                        context.Fail("The account lacks the required app role.");
                    return Task.CompletedTask;
                };

                // A refused or broken sign-in goes back to the page with a flag, not to an error page.
                oidc.Events.OnRemoteFailure = context =>
                {
                    context.HttpContext.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("Clinic.Bot.Staff")
                        .LogWarning("Staff Entra ID sign-in refused: {Reason}", context.Failure?.GetType().Name ?? "unknown");
                    context.Response.Redirect(FailedRedirect);
                    context.HandleResponse();
                    return Task.CompletedTask;
                };
            });
    }

    /// <summary>The signed-in Entra ID user, or null (not signed in, Entra off, or missing the required role).</summary>
    public static async Task<StaffUser?> ReadAsync(HttpContext context, StaffOptions o)
    {
        if (!o.EntraEnabled)
            return null;
        var result = await context.AuthenticateAsync(CookieScheme);
        if (!result.Succeeded || result.Principal is not { } user)
            return null;
        if (!string.IsNullOrWhiteSpace(o.RequiredRole) && !user.HasClaim("roles", o.RequiredRole))
            return null;
        var objectId = user.FindFirstValue("oid") ?? user.FindFirstValue("sub");
        var name = user.FindFirstValue("name") ?? user.FindFirstValue("preferred_username") ?? "Entra user";
        return objectId is null ? null : new StaffUser(name, "entra", objectId);
    }
}
