namespace AgentProgram.Web;

/// <summary>Marker type for the application's one set of UI strings (see Infrastructure/Localization).</summary>
#pragma warning disable CA1052 // a marker for IStringLocalizer<T>, never instantiated
public sealed class SharedResource;
#pragma warning restore CA1052
