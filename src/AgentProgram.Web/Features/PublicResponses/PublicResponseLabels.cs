using AgentProgram.Web.Domain.Reports;
using AgentProgram.Web.Infrastructure.Localization;

namespace AgentProgram.Web.Features.PublicResponses;

/// <summary>The Indonesian labels (localizer keys) of kinds, sentiments and states, and how long a response has waited.</summary>
public static class PublicResponseLabels
{
    public static string Kind(ResponseKind kind) => kind switch
    {
        ResponseKind.Question => I18n.Key("Pertanyaan"),
        ResponseKind.Complaint => I18n.Key("Keluhan"),
        ResponseKind.HoaxReport => I18n.Key("Laporan hoaks"),
        ResponseKind.Appreciation => I18n.Key("Apresiasi"),
        _ => kind.ToString(),
    };

    public static string Sentiment(Sentiment sentiment) => sentiment switch
    {
        Domain.Reports.Sentiment.Positive => I18n.Key("Positif"),
        Domain.Reports.Sentiment.Neutral => I18n.Key("Netral"),
        Domain.Reports.Sentiment.Negative => I18n.Key("Negatif"),
        _ => sentiment.ToString(),
    };

    public static string Status(ResponseStatus status) => status switch
    {
        ResponseStatus.Open => I18n.Key("Menunggu"),
        ResponseStatus.Answered => I18n.Key("Dijawab"),
        ResponseStatus.Referred => I18n.Key("Dirujuk ke kanal resmi"),
        _ => status.ToString(),
    };

    public static string StatusBadge(ResponseStatus status) => status switch
    {
        ResponseStatus.Answered => "text-bg-success",
        ResponseStatus.Referred => "text-bg-info",
        _ => "text-bg-warning",
    };

    public static string SentimentBadge(Sentiment sentiment) => sentiment switch
    {
        Domain.Reports.Sentiment.Positive => "text-bg-success",
        Domain.Reports.Sentiment.Negative => "text-bg-danger",
        _ => "text-bg-secondary",
    };

    /// <summary>A duration as a localizer key with one number: "35 menit", "26 jam", "4 hari".</summary>
    public static (string Key, long Amount) Duration(TimeSpan span)
    {
        if (span < TimeSpan.Zero) span = TimeSpan.Zero;
        if (span < TimeSpan.FromHours(1)) return (I18n.Key("{0} menit"), (long)span.TotalMinutes);
        if (span < TimeSpan.FromHours(72)) return (I18n.Key("{0} jam"), (long)span.TotalHours);
        return (I18n.Key("{0} hari"), (long)span.TotalDays);
    }
}
