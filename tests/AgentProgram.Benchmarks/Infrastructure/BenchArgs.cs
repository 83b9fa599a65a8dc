using System.Globalization;

namespace AgentProgram.Benchmarks.Infrastructure;

/// <summary>`--name value` pairs after the scenario name; every name must be one the scenario declares.</summary>
public sealed class BenchArgs
{
    private readonly Dictionary<string, string> _values;
    private readonly IReadOnlyList<BenchOption> _options;

    private BenchArgs(Dictionary<string, string> values, IReadOnlyList<BenchOption> options)
    {
        _values = values;
        _options = options;
    }

    public static BenchArgs Parse(IReadOnlyList<string> args, IReadOnlyList<BenchOption> options)
    {
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (!arg.StartsWith("--", StringComparison.Ordinal))
                throw new BenchUsageException($"Unexpected argument '{arg}': options look like --name value.");
            var name = arg[2..];
            string value;
            var eq = name.IndexOf('=', StringComparison.Ordinal);
            if (eq >= 0)
            {
                value = name[(eq + 1)..];
                name = name[..eq];
            }
            else
            {
                if (i + 1 >= args.Count) throw new BenchUsageException($"Option --{name} needs a value.");
                value = args[++i];
            }
            if (!options.Any(o => string.Equals(o.Name, name, StringComparison.OrdinalIgnoreCase)))
                throw new BenchUsageException($"Unknown option --{name}. Known: {string.Join(", ", options.Select(o => "--" + o.Name))}.");
            values[name] = value;
        }
        return new BenchArgs(values, options);
    }

    public string GetString(string name) =>
        _values.TryGetValue(name, out var v) ? v : _options.Single(o => string.Equals(o.Name, name, StringComparison.OrdinalIgnoreCase)).Default;

    public int GetInt32(string name, int min = 0)
    {
        var raw = GetString(name);
        if (!int.TryParse(raw, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) || v < min)
            throw new BenchUsageException($"--{name} must be a whole number of at least {min} (got '{raw}').");
        return v;
    }

    public double GetDouble(string name, double min = 0)
    {
        var raw = GetString(name);
        if (!double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) || v < min)
            throw new BenchUsageException($"--{name} must be a number of at least {min.ToString(CultureInfo.InvariantCulture)} (got '{raw}').");
        return v;
    }
}

public sealed class BenchUsageException(string message) : Exception(message);
