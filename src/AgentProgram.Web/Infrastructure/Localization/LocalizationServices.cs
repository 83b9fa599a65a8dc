using System.Globalization;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.Localization;

namespace AgentProgram.Web.Infrastructure.Localization;

public static class LocalizationServices
{
    public static readonly CultureInfo Indonesian = CultureInfo.GetCultureInfo("id-ID");
    public static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-US");
    public static readonly IReadOnlyList<CultureInfo> Supported = [Indonesian, English];

    public static IServiceCollection AddAppLocalization(this IServiceCollection services)
    {
        services.AddSingleton<IStringLocalizerFactory, JsonStringLocalizerFactory>();
        services.AddLocalization();
        services.Configure<RequestLocalizationOptions>(o =>
        {
            o.DefaultRequestCulture = new RequestCulture(Indonesian);
            o.SupportedCultures = [.. Supported];
            o.SupportedUICultures = [.. Supported];
            // Only the user's explicit choice (a cookie) switches language; browsers' Accept-Language
            // would flip government staff to English unexpectedly.
            o.RequestCultureProviders = [new CookieRequestCultureProvider()];
        });
        return services;
    }
}
