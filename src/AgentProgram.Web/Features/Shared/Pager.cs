namespace AgentProgram.Web.Features.Shared;

/// <summary>Model of the shared pager partial (_Pager.cshtml): the current page, how many, and each page's URL (with the list's filters).</summary>
public sealed record Pager(int Page, int PageCount, Func<int, string> UrlFor);
