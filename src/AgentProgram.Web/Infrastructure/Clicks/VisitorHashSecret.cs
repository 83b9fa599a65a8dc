using System.Security.Cryptography;
using System.Text;
using AgentProgram.Web.Domain.Platforms;
using AgentProgram.Web.Infrastructure.Hosting;

namespace AgentProgram.Web.Infrastructure.Clicks;

/// <summary>
/// The server secret keying <see cref="VisitorHash"/>. Taken from <c>Security:VisitorHashSecret</c>
/// (base64 of at least 32 bytes, or a text of at least 32 characters) when set; otherwise 32 random
/// bytes generated on first use and kept in <c>{Storage:DataPath}/visitor-hash.key</c>, so every
/// instance sharing that folder, and every restart, uses the same secret. Loaded lazily: a
/// misconfiguration shows up on the first click, in the log, not as a failed start.
/// </summary>
public sealed class VisitorHashSecret(IConfiguration config, IHostEnvironment env)
{
    public const string ConfigKey = "Security:VisitorHashSecret";
    public const string FileName = "visitor-hash.key";

    private readonly Lazy<byte[]> _bytes = new(() => Load(config, env), LazyThreadSafetyMode.ExecutionAndPublication);

    public byte[] Bytes => _bytes.Value;

    private static byte[] Load(IConfiguration config, IHostEnvironment env)
    {
        var configured = config[ConfigKey];
        if (!string.IsNullOrWhiteSpace(configured)) return FromConfiguration(configured.Trim());

        var path = Path.Combine(DatabaseServices.DataPath(config, env.ContentRootPath), FileName);
        if (File.Exists(path)) return ReadFile(path);

        var fresh = RandomNumberGenerator.GetBytes(VisitorHash.MinSecretLength);
        var temp = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
        File.WriteAllBytes(temp, fresh);
        try
        {
            // Another instance may have won the race: then its secret is the one everybody uses.
            File.Move(temp, path, overwrite: false);
            return fresh;
        }
        catch (IOException) when (File.Exists(path))
        {
            File.Delete(temp);
            return ReadFile(path);
        }
    }

    public static byte[] FromConfiguration(string value)
    {
        var buffer = new byte[value.Length];
        if (Convert.TryFromBase64String(value, buffer, out var written) && written >= VisitorHash.MinSecretLength)
            return buffer[..written];
        var text = Encoding.UTF8.GetBytes(value);
        if (text.Length >= VisitorHash.MinSecretLength) return text;
        throw new InvalidOperationException(
            $"{ConfigKey} must be base64 of at least {VisitorHash.MinSecretLength} bytes or a text of at least {VisitorHash.MinSecretLength} characters.");
    }

    private static byte[] ReadFile(string path)
    {
        var bytes = File.ReadAllBytes(path);
        if (bytes.Length < VisitorHash.MinSecretLength)
            throw new InvalidOperationException($"{path} holds fewer than {VisitorHash.MinSecretLength} bytes; delete it to generate a new secret.");
        return bytes;
    }
}
