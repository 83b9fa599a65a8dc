using System.Text.Json;
using AgentProgram.Web.Domain.Identity;

namespace AgentProgram.Web.Features.Admin;

/// <summary>A message for one form field ("" for the whole form).</summary>
public readonly record struct FieldError(string Field, string Message);

/// <summary>
/// AppUser is not an audited entity (Identity writes it in several saves), so user management
/// writes its own audit entries in the trail's usual shape: a JSON object of field → { old, new }.
/// </summary>
public sealed class UserChanges
{
    public const string RolesField = "Roles";
    public const string ReasonField = "Reason";

    private readonly Dictionary<string, Dictionary<string, object?>> _fields = new(StringComparer.Ordinal);

    public bool IsEmpty => _fields.Count == 0;

    /// <summary>Records a change; a value that stayed the same is left out.</summary>
    public UserChanges Changed(string field, object? oldValue, object? newValue)
    {
        if (!Equals(oldValue, newValue)) _fields[field] = new() { ["old"] = oldValue, ["new"] = newValue };
        return this;
    }

    /// <summary>A value that had no "before": a new account's fields, or the reason given for an action.</summary>
    public UserChanges Set(string field, object? value)
    {
        _fields[field] = new() { ["new"] = value };
        return this;
    }

    public string ToJson() => JsonSerializer.Serialize(_fields);

    /// <summary>Roles in their fixed order, as one readable value: "Administrator, Humas".</summary>
    public static string RoleList(IEnumerable<string> roles)
    {
        var set = roles.ToHashSet(StringComparer.Ordinal);
        return string.Join(", ", Roles.All.Where(set.Contains));
    }
}
