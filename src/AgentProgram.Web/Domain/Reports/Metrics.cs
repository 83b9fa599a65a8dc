namespace AgentProgram.Web.Domain.Reports;

/// <summary>Where a number comes from (DOMAIN.md §8, "metric source level"), stored on every snapshot. Stored by name.</summary>
public enum MetricSource
{
    /// <summary>Typed by the agent, no evidence.</summary>
    SelfReported = 1,

    /// <summary>Typed by the agent from a screenshot of the platform's insights, which Humas checks.</summary>
    Screenshot = 2,

    /// <summary>A platform export imported by Humas.</summary>
    CsvImport = 3,

    /// <summary>A counter anyone can see on the post, read by Humas or the system.</summary>
    PublicCounter = 4,

    /// <summary>From the platform's API with the owner's authorisation (later phase).</summary>
    ApiVerified = 5,
}

/// <summary>The fixed windows numbers are compared at (DOMAIN.md §8). Stored by name.</summary>
public enum SnapshotWindow
{
    /// <summary>About a day after posting; for stories and Status, any time within their 24 hours.</summary>
    Hours24 = 1,

    /// <summary>About a week after posting.</summary>
    Days7 = 2,

    /// <summary>Any other moment (right after posting, after two days…): kept, but not a window figure.</summary>
    Other = 3,
}

public enum MetricKind
{
    /// <summary>Exposure: how many times the post was shown or played.</summary>
    Views = 1,

    /// <summary>Unique accounts reached; separate from views, often unknown.</summary>
    Reach = 2,
    Likes = 3,
    Comments = 4,
    Reposts = 5,
    Saves = 6,
}

/// <summary>The numbers of a post at one moment; null means "not known" (not zero).</summary>
public sealed record MetricValues(long? Views = null, long? Reach = null, long? Likes = null, long? Comments = null, long? Reposts = null, long? Saves = null)
{
    public static readonly MetricValues None = new();

    public static IReadOnlyList<MetricKind> Kinds { get; } = Enum.GetValues<MetricKind>();

    public long? this[MetricKind kind] => kind switch
    {
        MetricKind.Views => Views,
        MetricKind.Reach => Reach,
        MetricKind.Likes => Likes,
        MetricKind.Comments => Comments,
        MetricKind.Reposts => Reposts,
        MetricKind.Saves => Saves,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    public bool HasAny => Kinds.Any(k => this[k] is not null);

    /// <summary>The known numbers, in <see cref="MetricKind"/> order.</summary>
    public IEnumerable<(MetricKind Kind, long Value)> Known()
    {
        foreach (var kind in Kinds)
        {
            if (this[kind] is long value) yield return (kind, value);
        }
    }
}

/// <summary>One set of numbers as recorded: never changed afterwards; a later reading is a new snapshot.</summary>
/// <param name="Id">The stored snapshot's id (0 for one not stored yet).</param>
/// <param name="TakenUtc">When the numbers were read (for a screenshot: when it was taken, else when they were entered or imported).</param>
public sealed record MetricSnapshot(long Id, MetricSource Source, DateTime TakenUtc, MetricValues Values);

/// <summary>Names, labels and trust order of metrics, sources and windows.</summary>
public static class MetricLabels
{
    /// <summary>The metric's name in running text (lower case); a localizer key.</summary>
    public static string Name(MetricKind kind) => kind switch
    {
        MetricKind.Views => ReportTexts.MetricViews,
        MetricKind.Reach => ReportTexts.MetricReach,
        MetricKind.Likes => ReportTexts.MetricLikes,
        MetricKind.Comments => ReportTexts.MetricComments,
        MetricKind.Reposts => ReportTexts.MetricReposts,
        MetricKind.Saves => ReportTexts.MetricSaves,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    public static string Label(MetricSource source) => source switch
    {
        MetricSource.SelfReported => ReportTexts.SourceSelfReported,
        MetricSource.Screenshot => ReportTexts.SourceScreenshot,
        MetricSource.CsvImport => ReportTexts.SourceCsvImport,
        MetricSource.PublicCounter => ReportTexts.SourcePublicCounter,
        MetricSource.ApiVerified => ReportTexts.SourceApiVerified,
        _ => throw new ArgumentOutOfRangeException(nameof(source), source, null),
    };

    public static string Label(SnapshotWindow window) => window switch
    {
        SnapshotWindow.Hours24 => ReportTexts.WindowHours24,
        SnapshotWindow.Days7 => ReportTexts.WindowDays7,
        SnapshotWindow.Other => ReportTexts.WindowOther,
        _ => throw new ArgumentOutOfRangeException(nameof(window), window, null),
    };

    /// <summary>
    /// How far a source is trusted, higher is better: self-reported &lt; screenshot (evidence, but
    /// editable) &lt; public counter (seen by Humas) &lt; CSV import (the platform's own export) &lt; API.
    /// </summary>
    public static int Trust(MetricSource source) => source switch
    {
        MetricSource.SelfReported => 0,
        MetricSource.Screenshot => 1,
        MetricSource.PublicCounter => 2,
        MetricSource.CsvImport => 3,
        MetricSource.ApiVerified => 4,
        _ => throw new ArgumentOutOfRangeException(nameof(source), source, null),
    };
}
