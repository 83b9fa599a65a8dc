using System.Buffers.Binary;

namespace AgentProgram.Web.Features.Institution;

/// <summary>What the bytes of an uploaded logo turned out to be.</summary>
public sealed record LogoFacts(string ContentType, int Width, int Height);

/// <summary>
/// Recognises a logo by its content, never by its file name or the browser's content type: a PNG
/// by its 8-byte signature and IHDR chunk, a JPEG by its SOI marker and first SOF frame header.
/// Only the header is read; the image is never decoded on the server.
/// </summary>
public static class LogoImage
{
    public const int MaxBytes = 512 * 1024;
    public const int MinSide = 32;
    public const int MaxSide = 4000;

    public const string Png = "image/png";
    public const string Jpeg = "image/jpeg";

    private static ReadOnlySpan<byte> PngSignature => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>True for anything that starts like a PNG or a JPEG, even when its header turns out broken.</summary>
    public static bool LooksLikeImage(ReadOnlySpan<byte> data) =>
        data.StartsWith(PngSignature) || (data.Length >= 3 && data[0] == 0xFF && data[1] == 0xD8 && data[2] == 0xFF);

    /// <summary>The type and size read from the header, or null when the bytes are not a readable PNG or JPEG.</summary>
    public static LogoFacts? Read(ReadOnlySpan<byte> data)
    {
        if (data.StartsWith(PngSignature)) return ReadPng(data);
        if (data.Length >= 3 && data[0] == 0xFF && data[1] == 0xD8 && data[2] == 0xFF) return ReadJpeg(data);
        return null;
    }

    private static LogoFacts? ReadPng(ReadOnlySpan<byte> data)
    {
        // Signature, then the first chunk must be IHDR: length 13, "IHDR", width, height (big-endian).
        if (data.Length < 33 || !data.Slice(12, 4).SequenceEqual("IHDR"u8)) return null;
        var width = BinaryPrimitives.ReadUInt32BigEndian(data.Slice(16, 4));
        var height = BinaryPrimitives.ReadUInt32BigEndian(data.Slice(20, 4));
        if (width == 0 || height == 0 || width > int.MaxValue || height > int.MaxValue) return null;
        return new LogoFacts(Png, (int)width, (int)height);
    }

    private static LogoFacts? ReadJpeg(ReadOnlySpan<byte> data)
    {
        var pos = 2;
        while (pos + 4 <= data.Length)
        {
            if (data[pos] != 0xFF) return null;
            var marker = data[pos + 1];
            if (marker == 0xFF) { pos++; continue; }                                  // fill byte
            if (marker is 0x01 or (>= 0xD0 and <= 0xD7)) { pos += 2; continue; }      // markers without a length
            if (marker is 0xD9 or 0xDA) return null;                                  // end of image or scan before any frame header
            var length = BinaryPrimitives.ReadUInt16BigEndian(data.Slice(pos + 2, 2));
            if (length < 2) return null;
            if (IsFrameHeader(marker))
            {
                if (pos + 9 > data.Length) return null;
                var height = BinaryPrimitives.ReadUInt16BigEndian(data.Slice(pos + 5, 2));
                var width = BinaryPrimitives.ReadUInt16BigEndian(data.Slice(pos + 7, 2));
                return width == 0 || height == 0 ? null : new LogoFacts(Jpeg, width, height);
            }
            pos += 2 + length;
        }
        return null;
    }

    /// <summary>SOF0–SOF15 except DHT (C4), JPG (C8) and DAC (CC).</summary>
    private static bool IsFrameHeader(byte marker) => marker is >= 0xC0 and <= 0xCF and not 0xC4 and not 0xC8 and not 0xCC;
}
