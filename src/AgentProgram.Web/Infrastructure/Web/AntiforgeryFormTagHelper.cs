using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace AgentProgram.Web.Infrastructure.Web;

/// <summary>
/// Every `&lt;form method="post" action="…"&gt;` carries the antiforgery token without anyone having to
/// remember it. (ASP.NET's own form helper adds it only when asp-action or asp-antiforgery is used;
/// when those are present this helper stays out of the way so the token is never doubled.)
/// </summary>
[HtmlTargetElement("form", Attributes = "method")]
public sealed class AntiforgeryFormTagHelper(IHtmlGenerator generator) : TagHelper
{
    private static readonly string[] BuiltInTriggers =
        ["asp-antiforgery", "asp-action", "asp-controller", "asp-page", "asp-page-handler", "asp-route", "asp-area", "asp-fragment", "asp-all-route-data"];

    public override int Order => 1000;

    [ViewContext, HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var method = context.AllAttributes["method"]?.Value?.ToString();
        if (!string.Equals(method, "post", StringComparison.OrdinalIgnoreCase)) return;
        if (context.AllAttributes.Any(a => BuiltInTriggers.Contains(a.Name) || a.Name.StartsWith("asp-route-", StringComparison.Ordinal))) return;
        output.PostContent.AppendHtml(generator.GenerateAntiforgery(ViewContext));
    }
}
