namespace AgentProgram.Web.Infrastructure.Storage;

/// <summary>A media kind recognised from the file's first bytes, never from its name or the browser's claim.</summary>
public sealed record SniffedType(string ContentType, string Extension, bool IsVideo);

/// <summary>Magic-byte checks for the media a message may carry: JPEG, PNG, WebP images and MP4 video.</summary>
public static class ContentSniffer
{
    public const int HeaderLength = 16;

    public static readonly SniffedType Jpeg = new("image/jpeg", "jpg", false);
    public static readonly SniffedType Png = new("image/png", "png", false);
    public static readonly SniffedType WebP = new("image/webp", "webp", false);
    public static readonly SniffedType Mp4 = new("video/mp4", "mp4", true);

    /// <summary>The type of the content that starts with <paramref name="header"/>, or null when it is none of the allowed kinds.</summary>
    public static SniffedType? Sniff(ReadOnlySpan<byte> header)
    {
        if (header.Length >= 3 && header[0] == 0xFF && header[1] == 0xD8 && header[2] == 0xFF) return Jpeg;
        if (header.Length >= 8 && header[..8].SequenceEqual((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])) return Png;
        if (header.Length >= 12 && header[..4].SequenceEqual("RIFF"u8) && header[8..12].SequenceEqual("WEBP"u8)) return WebP;
        if (header.Length >= 12 && header[4..8].SequenceEqual("ftyp"u8))
        {
            var brand = header[8..12];
            if (brand.SequenceEqual("isom"u8) || brand.SequenceEqual("iso2"u8) || brand.SequenceEqual("mp41"u8) || brand.SequenceEqual("mp42"u8)
                || brand.SequenceEqual("avc1"u8) || brand.SequenceEqual("M4V "u8) || brand.SequenceEqual("dash"u8))
                return Mp4;
        }
        return null;
    }

    /// <summary>Reads the header of a seekable stream and rewinds it.</summary>
    public static async Task<SniffedType?> SniffAsync(Stream content, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        var buffer = new byte[HeaderLength];
        var read = 0;
        while (read < buffer.Length)
        {
            var n = await content.ReadAsync(buffer.AsMemory(read), ct);
            if (n == 0) break;
            read += n;
        }
        if (content.CanSeek) content.Position = 0;
        return Sniff(buffer.AsSpan(0, read));
    }
}
