namespace AgentProgram.Web.Domain.Employees;

/// <summary>Sex as coded in digit 15 of the NIP (the numbers are that digit).</summary>
public enum Sex
{
    Male = 1,
    Female = 2,
}

public static class SexParser
{
    private static readonly Dictionary<string, Sex> Known = new(StringComparer.OrdinalIgnoreCase)
    {
        ["M"] = Sex.Male, ["L"] = Sex.Male, ["LK"] = Sex.Male, ["1"] = Sex.Male,
        ["LAKI-LAKI"] = Sex.Male, ["LAKI LAKI"] = Sex.Male, ["LAKILAKI"] = Sex.Male, ["LAKI"] = Sex.Male,
        ["PRIA"] = Sex.Male, ["MALE"] = Sex.Male,
        ["F"] = Sex.Female, ["P"] = Sex.Female, ["PR"] = Sex.Female, ["W"] = Sex.Female, ["2"] = Sex.Female,
        ["PEREMPUAN"] = Sex.Female, ["WANITA"] = Sex.Female, ["FEMALE"] = Sex.Female,
    };

    /// <summary>JENIS KELAMIN as SIASN writes it (M/F) or as regional exports do (L/P, words).</summary>
    public static bool TryParse(string? text, out Sex sex)
    {
        sex = default;
        var t = text?.Trim().TrimEnd('.');
        return !string.IsNullOrEmpty(t) && Known.TryGetValue(t, out sex);
    }

    public static ImportIssue Unrecognised(string raw) =>
        ImportIssue.Error(ImportIssueCode.SexUnknown, EmployeeMessages.SexUnknown, raw.Trim());

    public static string Label(this Sex sex) => sex == Sex.Male ? EmployeeLabels.Male : EmployeeLabels.Female;
}
