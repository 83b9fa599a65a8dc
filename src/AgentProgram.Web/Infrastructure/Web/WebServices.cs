using AgentProgram.Web.Infrastructure.Hosting;
using AgentProgram.Web.Infrastructure.Localization;
using AgentProgram.Web.Infrastructure.Security;
using AgentProgram.Web.Infrastructure.Time;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Razor;
using Microsoft.Extensions.Localization;

namespace AgentProgram.Web.Infrastructure.Web;

public static class WebServices
{
    public static IServiceCollection AddAppMvc(this IServiceCollection services, IConfiguration config)
    {
        services.AddControllersWithViews(o =>
            {
                // Every unsafe method must carry a valid antiforgery token, on every controller.
                o.Filters.Add(new AutoValidateAntiforgeryTokenAttribute());
                o.Filters.Add<AccountGateFilter>();
                LocalizeBindingMessages(o);
            })
            .AddDataAnnotationsLocalization(o => o.DataAnnotationLocalizerProvider = (_, f) => f.Create(typeof(SharedResource)));

        services.Configure<RazorViewEngineOptions>(o =>
        {
            // Feature folders: a feature's views sit beside its controller.
            o.ViewLocationFormats.Clear();
            o.ViewLocationFormats.Add("/Features/{1}/{0}.cshtml");
            o.ViewLocationFormats.Add("/Features/Shared/{0}.cshtml");
        });
        services.AddAntiforgery(o =>
        {
            CookiePolicy.From(config).Apply(o.Cookie, "AgentProgram.af");
            o.FormFieldName = "__af";
            o.HeaderName = "X-CSRF-TOKEN";
        });
        // Trusted proxies (ForwardedHeaders:*) and the shutdown timeout: Infrastructure/Hosting/InstanceSettings.cs.
        services.AddAppInstanceSettings(config);
        services.AddHsts(o =>
        {
            o.MaxAge = TimeSpan.FromDays(365);
            // Behind a TLS proxy the app may be addressed by any name; the default exclusion of localhost only hides the header in tests.
            o.ExcludedHosts.Clear();
        });
        services.AddSingleton<Display>();
        services.AddFeatureHandlers();
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database", tags: ["ready"]);
        return services;
    }

    private static void LocalizeBindingMessages(MvcOptions o)
    {
        // Looked up per call so the message follows the request's culture.
        static IStringLocalizer L() => JsonStringLocalizerFactory.Shared;
        var m = o.ModelBindingMessageProvider;
        m.SetValueIsInvalidAccessor(v => L()["Nilai '{0}' tidak valid.", v]);
        m.SetValueMustBeANumberAccessor(f => L()["{0} harus berupa angka.", f]);
        m.SetMissingBindRequiredValueAccessor(f => L()["{0} wajib diisi.", f]);
        m.SetAttemptedValueIsInvalidAccessor((v, f) => L()["Nilai '{0}' tidak valid untuk {1}.", v, f]);
        m.SetMissingKeyOrValueAccessor(() => L()["Nilai wajib diisi."]);
        m.SetUnknownValueIsInvalidAccessor(f => L()["Nilai yang diberikan tidak valid untuk {0}.", f]);
        m.SetValueMustNotBeNullAccessor(v => L()["{0} wajib diisi.", v]);
        m.SetNonPropertyAttemptedValueIsInvalidAccessor(v => L()["Nilai '{0}' tidak valid.", v]);
        m.SetNonPropertyUnknownValueIsInvalidAccessor(() => L()["Nilai yang diberikan tidak valid."]);
        m.SetNonPropertyValueMustBeANumberAccessor(() => L()["Isian harus berupa angka."]);
        m.SetMissingRequestBodyRequiredValueAccessor(() => L()["Isian formulir tidak lengkap."]);
    }
}
