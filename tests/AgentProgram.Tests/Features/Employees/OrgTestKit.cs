using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using AgentProgram.Web.Domain.Agents;
using AgentProgram.Web.Domain.Employees;
using AgentProgram.Web.Domain.Identity;
using AgentProgram.Web.Domain.Organization;

namespace AgentProgram.Tests.Features.Employees;

/// <summary>Seeding and reading helpers for the institution, unit and employee tests.</summary>
public static partial class OrgTestKit
{
    private static int _counter;

    /// <summary>A valid PNS NIP, unique per call: birth date from n, TMT March 2010, serial from n.</summary>
    public static string PnsNip(int n, Sex sex = Sex.Male) => $"{Birth(n):yyyyMMdd}201003{(int)sex}{(n % 999) + 1:000}";

    /// <summary>A valid PPPK NIP: appointed 2022, first contract.</summary>
    public static string PppkNip(int n, Sex sex = Sex.Male) => $"{Birth(n):yyyyMMdd}202221{(int)sex}{(n % 999) + 1:000}";

    public static DateOnly Birth(int n) => new DateOnly(1975, 1, 1).AddDays(n * 3);

    public static int Next() => Interlocked.Increment(ref _counter);

    public static async Task<int> AddUnitAsync(this AppFactory app, string name, int? parentId = null, bool closed = false, string? code = null, string? unor = null) =>
        await app.WithDb(async db =>
        {
            var unit = new Unit { Name = name, ParentId = parentId, IsClosed = closed, Code = code, SiasnUnorId = unor };
            db.Units.Add(unit);
            await db.SaveChangesAsync();
            return unit.Id;
        });

    /// <summary>
    /// An employee with a valid NIP that agrees with their birth date and sex (so the NIP check is
    /// clean unless a test changes something), active, PNS III/a unless told otherwise.
    /// </summary>
    public static async Task<Employee> AddEmployeeAsync(this AppFactory app, string name, int? unitId = null,
        EmploymentType type = EmploymentType.Pns, LegalStatus status = LegalStatus.Aktif, string? golongan = null, Action<Employee>? setup = null)
    {
        var n = Next();
        var now = DateTime.UtcNow;
        var e = new Employee
        {
            Nip = type.IsPppk() ? PppkNip(n) : PnsNip(n),
            Name = name,
            BirthDate = Birth(n),
            Sex = Sex.Male,
            EmploymentType = type,
            LegalStatus = status,
            GolonganCode = golongan ?? (type.IsPppk() ? "IX" : "31"),
            UnitId = unitId,
            ContractStart = type.IsPppk() ? DateOnly.FromDateTime(now).AddYears(-1) : null,
            ContractEnd = type.IsPppk() ? DateOnly.FromDateTime(now).AddYears(3) : null,
            CreatedUtc = now,
            UpdatedUtc = now,
        };
        setup?.Invoke(e);
        await app.WithDb(async db =>
        {
            db.Employees.Add(e);
            return await db.SaveChangesAsync();
        });
        return e;
    }

    /// <summary>Enrols an employee as an agent (with a sign-in account) and returns the agent id.</summary>
    public static async Task<int> MakeAgentAsync(this AppFactory app, int employeeId)
    {
        var user = await app.CreateUserAsync(Roles.Agen);
        return await app.WithDb(async db =>
        {
            var now = DateTime.UtcNow;
            var agent = new Agent { EmployeeId = employeeId, UserId = user.Id, EnrolledUtc = now, CodeOfConductAcceptedUtc = now, DataConsentUtc = now };
            db.Agents.Add(agent);
            await db.SaveChangesAsync();
            return agent.Id;
        });
    }

    public static async Task<HttpClient> HrAsync(this AppFactory app) => await app.SignedInClientAsync(Roles.Kepegawaian);

    [GeneratedRegex("data-testid=\"employee-row\"")]
    private static partial Regex EmployeeRowPattern();

    public static int EmployeeRows(string html) => EmployeeRowPattern().Count(html);

    /// <summary>The body of the first table on the page, for order assertions.</summary>
    public static string TableBody(string html)
    {
        var start = html.IndexOf("<tbody>", StringComparison.Ordinal);
        Assert.True(start >= 0, "No table on the page.");
        return html[start..html.IndexOf("</tbody>", start, StringComparison.Ordinal)];
    }

    /// <summary>Asserts the texts appear in this order in the text.</summary>
    public static void InOrder(string text, params string[] parts)
    {
        var at = -1;
        foreach (var part in parts)
        {
            var next = text.IndexOf(part, at + 1, StringComparison.Ordinal);
            Assert.True(next > at, $"\"{part}\" is missing or out of order.");
            at = next;
        }
    }

    public static string Decode(string html) => WebUtility.HtmlDecode(html);

    public static string LocationOf(HttpResponseMessage response) => Admin.AdminTestKit.LocationOf(response);

    /// <summary>GETs the form page, then posts a multipart form with its antiforgery token and an optional file.</summary>
    public static async Task<HttpResponseMessage> PostMultipartAsync(this HttpClient client, string formPage, string action,
        IEnumerable<(string Key, string Value)> fields, (string Field, string FileName, string ContentType, byte[] Bytes)? file = null)
    {
        var html = await client.GetHtmlAsync(formPage);
        using var content = new MultipartFormDataContent();
        content.Add(new StringContent(HttpClientExtensions.AntiforgeryToken(html)), "__af");
        foreach (var (k, v) in fields) content.Add(new StringContent(v), k);
        if (file is { } f)
        {
            var part = new ByteArrayContent(f.Bytes);
            part.Headers.ContentType = new MediaTypeHeaderValue(f.ContentType);
            content.Add(part, f.Field, f.FileName);
        }
        return await client.PostAsync(action, content);
    }

    /// <summary>A real, decodable PNG: RGB, 8 bits, one filter byte per row, zlib-compressed.</summary>
    public static byte[] Png(int width, int height)
    {
        using var ms = new MemoryStream();
        ms.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        var ihdr = new byte[13];
        WriteBigEndian(ihdr, 0, (uint)width);
        WriteBigEndian(ihdr, 4, (uint)height);
        ihdr[8] = 8;   // bit depth
        ihdr[9] = 2;   // colour type: RGB
        Chunk(ms, "IHDR", ihdr);
        using var raw = new MemoryStream();
        for (var y = 0; y < height; y++)
        {
            raw.WriteByte(0);
            for (var x = 0; x < width; x++) raw.Write([11, 79, 138]);
        }
        using var compressed = new MemoryStream();
        using (var z = new ZLibStream(compressed, CompressionLevel.Optimal, leaveOpen: true)) z.Write(raw.ToArray());
        Chunk(ms, "IDAT", compressed.ToArray());
        Chunk(ms, "IEND", []);
        return ms.ToArray();
    }

    /// <summary>The header of a baseline JPEG (SOI, JFIF APP0, SOF0 with the size, EOI): enough for header checks.</summary>
    public static byte[] JpegHeader(int width, int height) =>
    [
        0xFF, 0xD8,
        0xFF, 0xE0, 0x00, 0x10, (byte)'J', (byte)'F', (byte)'I', (byte)'F', 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00,
        0xFF, 0xC0, 0x00, 0x11, 0x08, (byte)(height >> 8), (byte)height, (byte)(width >> 8), (byte)width, 0x03,
        0x01, 0x22, 0x00, 0x02, 0x11, 0x01, 0x03, 0x11, 0x01,
        0xFF, 0xD9,
    ];

    private static void Chunk(Stream s, string type, byte[] data)
    {
        var header = new byte[4];
        WriteBigEndian(header, 0, (uint)data.Length);
        s.Write(header);
        var typed = Encoding.ASCII.GetBytes(type).Concat(data).ToArray();
        s.Write(typed);
        var crc = new byte[4];
        WriteBigEndian(crc, 0, Crc32(typed));
        s.Write(crc);
    }

    private static void WriteBigEndian(byte[] buffer, int at, uint value)
    {
        buffer[at] = (byte)(value >> 24);
        buffer[at + 1] = (byte)(value >> 16);
        buffer[at + 2] = (byte)(value >> 8);
        buffer[at + 3] = (byte)value;
    }

    private static uint Crc32(byte[] data)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in data)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++) crc = (crc & 1) != 0 ? 0xEDB88320u ^ (crc >> 1) : crc >> 1;
        }
        return crc ^ 0xFFFFFFFFu;
    }

    /// <summary>RFC 4180 reader for the exports: quoted fields, doubled quotes, CRLF rows.</summary>
    public static List<List<string>> ParseCsv(string text)
    {
        var rows = new List<List<string>>();
        var row = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else field.Append(c);
            }
            else if (c == '"') quoted = true;
            else if (c == ',') { row.Add(field.ToString()); field.Clear(); }
            else if (c == '\r') { }
            else if (c == '\n') { row.Add(field.ToString()); field.Clear(); rows.Add(row); row = []; }
            else field.Append(c);
        }
        if (field.Length > 0 || row.Count > 0) { row.Add(field.ToString()); rows.Add(row); }
        return rows;
    }
}
