using System.Security.Cryptography;
using AgentProgram.Web.Infrastructure.Hosting;

namespace AgentProgram.Web.Infrastructure.Storage;

/// <summary>A file saved by <see cref="IFileStore"/>: its path relative to the store, length and SHA-256 (hex, lower case).</summary>
public sealed record StoredFile(string RelativePath, long Length, string Sha256);

/// <summary>Private files (uploads) kept outside the web root under Storage:DataPath/media, with generated names.</summary>
public interface IFileStore
{
    Task<StoredFile> SaveAsync(Stream content, string extension, CancellationToken ct = default);

    /// <summary>Null when the file is missing or the path is not a path this store made.</summary>
    Stream? Open(string relativePath);

    void Delete(string relativePath);
}

public sealed class LocalFileStore : IFileStore
{
    private readonly string _root;

    public LocalFileStore(IConfiguration config, IWebHostEnvironment env)
    {
        _root = Path.Combine(DatabaseServices.DataPath(config, env.ContentRootPath), "media");
        Directory.CreateDirectory(_root);
    }

    public string Root => _root;

    public async Task<StoredFile> SaveAsync(Stream content, string extension, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        var ext = new string((extension ?? "").TrimStart('.').Where(char.IsAsciiLetterOrDigit).ToArray()).ToLowerInvariant();
        var folder = DateTime.UtcNow.ToString("yyyyMM", System.Globalization.CultureInfo.InvariantCulture);
        var name = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)) + (ext.Length > 0 ? "." + ext : "");
        var relative = folder + "/" + name;
        Directory.CreateDirectory(Path.Combine(_root, folder));
        var full = Path.Combine(_root, folder, name);
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        long length = 0;
        await using (var file = new FileStream(full, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true))
        {
            var buffer = new byte[81920];
            int read;
            while ((read = await content.ReadAsync(buffer, ct)) > 0)
            {
                sha.AppendData(buffer, 0, read);
                await file.WriteAsync(buffer.AsMemory(0, read), ct);
                length += read;
            }
        }
        return new StoredFile(relative, length, Convert.ToHexStringLower(sha.GetHashAndReset()));
    }

    public Stream? Open(string relativePath)
    {
        var full = Resolve(relativePath);
        return full is not null && File.Exists(full) ? new FileStream(full, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true) : null;
    }

    public void Delete(string relativePath)
    {
        var full = Resolve(relativePath);
        if (full is not null && File.Exists(full)) File.Delete(full);
    }

    /// <summary>The full path, only when it stays inside the store's root.</summary>
    private string? Resolve(string relativePath)
    {
        if (string.IsNullOrWhiteSpace(relativePath)) return null;
        var full = Path.GetFullPath(Path.Combine(_root, relativePath));
        var root = Path.GetFullPath(_root).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
        return full.StartsWith(root, StringComparison.Ordinal) ? full : null;
    }
}

public static class StorageServices
{
    public static IServiceCollection AddAppStorage(this IServiceCollection services) =>
        services.AddSingleton<IFileStore, LocalFileStore>();
}
