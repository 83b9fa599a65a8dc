using System.Globalization;
using AgentProgram.Web.Domain.Employees;
using CsCheck;

namespace AgentProgram.Tests.Properties;

/// <summary>
/// Property-based tests of the NIP parser (DOMAIN.md §2): it never throws, accepts exactly the values the
/// domain rules accept (checked against an oracle written from DOMAIN.md, not from the code), and a valid
/// NIP survives every way people write it (8-6-1-3 spaces, dots, Excel's apostrophe, non-breaking spaces).
/// </summary>
public sealed class NipProperties
{
    private static readonly DateOnly Today = new(2026, 12, 5);

    /// <summary>The DOMAIN.md §2 hard-error table, read literally. True when no hard error applies.</summary>
    public static bool OracleAccepts(string s, DateOnly today)
    {
        if (s.Length != 18 || !s.All(c => c is >= '0' and <= '9')) return false;
        if (s[15..] == "000") return false;                                           // digits 16–18 = 000
        int y = N(s, 0, 4), m = N(s, 4, 2), d = N(s, 6, 2);
        if (m is < 1 or > 12 || d < 1 || y < 1 || d > DateTime.DaysInMonth(y, m)) return false; // not a real date
        if (y < 1940 || y > today.Year - 17) return false;                            // year outside 1940 … now − 17
        if (s[14] is not ('1' or '2')) return false;                                  // digit 15 not 1/2
        var latest = today.AddMonths(2);
        switch (s[12])
        {
            case '0' or '1':                                                          // PNS
                var month = N(s, 12, 2);
                if (month is < 1 or > 12) return false;
                var tmt = (N(s, 8, 4) * 12) + month;
                if (tmt < ((y + 17) * 12) + m) return false;                          // TMT < birth + ~17 years
                return tmt <= (latest.Year * 12) + latest.Month;                       // or > ~2 months ahead
            case '2':                                                                 // PPPK
                var year = N(s, 8, 4);
                if (year < Math.Max(2014, y + 17) || year > latest.Year) return false;  // implausible year
                return s[13] != '0';                                                  // digit 14 not 1–9
            default:
                return false;                                                         // digit 13 neither layout
        }

        static int N(string s, int start, int length) => int.Parse(s.AsSpan(start, length), NumberStyles.None, CultureInfo.InvariantCulture);
    }

    private static string D(int value, int width) => value.ToString(CultureInfo.InvariantCulture).PadLeft(width, '0');

    /// <summary>18 digits built from parts drawn around the valid ranges, so about a fifth are valid and the rest miss by one rule.</summary>
    private static readonly Gen<string> NearlyValid =
        Gen.Select(Gen.Int[1925, 2015], Gen.Int[0, 13], Gen.Int[0, 32], Gen.Int[1950, 2029], Gen.Int[0, 14], Gen.Int[0, 9], Gen.Int[0, 3], Gen.Int[0, 999])
            .Select(t =>
            {
                var (y, m, d, year, month, contract, sex, serial) = t;
                // month carries digit 13 (0/1 for PNS) and digit 14; for PPPK digit 13 is 2 and digit 14 the contract count.
                var d1314 = month <= 12 ? D(month, 2) : month == 13 ? "2" + D(contract, 1) : D(contract + 30, 2);
                return D(y, 4) + D(m, 2) + D(d, 2) + D(year, 4) + d1314 + D(sex, 1) + D(serial, 3);
            });

    /// <summary>
    /// Valid NIPs built by construction (a filter over <see cref="NearlyValid"/> keeps only about a fifth, and
    /// CsCheck gives up on a filter that rejects too many in a row). Every value is still put to the oracle.
    /// </summary>
    private static readonly Gen<string> Valid =
        Gen.Int[1940, Today.Year - 17].SelectMany(y => Gen.Int[1, 12].SelectMany(m => Gen.Int[1, DateTime.DaysInMonth(y, m)].SelectMany(d =>
        {
            var latest = Today.AddMonths(2);
            var firstTmt = ((y + 17) * 12) + m - 1;              // months since year 0, zero-based month
            var lastTmt = (latest.Year * 12) + latest.Month - 1;
            var pns = Gen.Int[firstTmt, lastTmt].Select(t => D(t / 12, 4) + D((t % 12) + 1, 2));
            var pppk = Gen.Select(Gen.Int[Math.Max(2014, y + 17), latest.Year], Gen.Int[1, 9]).Select((year, contract) => D(year, 4) + "2" + D(contract, 1));
            return Gen.Select(Gen.OneOf(pns, pppk), Gen.Int[1, 2], Gen.Int[1, 999])
                .Select((middle, sex, serial) => D(y, 4) + D(m, 2) + D(d, 2) + middle + D(sex, 1) + D(serial, 3));
        })));

    [Fact]
    public void The_valid_generator_only_makes_what_the_domain_rules_accept()
    {
        Valid.Sample(s => Assert.True(OracleAccepts(s, Today), s), iter: 3000);
    }

    [Fact]
    public void Check_never_throws_on_any_text()
    {
        var text = Gen.Frequency(
            (3, Gen.String),
            (3, Gen.Char["0123456789 .,'Ee+-\u00A0\u200B\uFEFF\t"].Array[0, 30].Select(a => new string(a))),
            (1, Gen.Char.Array[0, 40].Select(a => new string(a))));
        text.Sample(s =>
        {
            var r = NipCheck.Check(s, NipContext.None, Today);
            Assert.Equal(r.IsValid, r.Value is not null);
            Assert.Equal(r.IsValid, !r.Errors.Any());
        }, iter: 3000);
    }

    [Fact]
    public void Check_accepts_exactly_what_the_domain_rules_accept()
    {
        NearlyValid.Sample(s => Assert.Equal(OracleAccepts(s, Today), NipCheck.Check(s, NipContext.None, Today).IsValid), iter: 5000);
    }

    [Fact]
    public void A_valid_nip_round_trips_through_every_way_it_is_written()
    {
        var writings = Gen.Int[0, 5];
        Gen.Select(Valid, writings).Sample((nip, how) =>
        {
            var written = how switch
            {
                0 => nip,
                1 => Nip.FormatForDisplay(nip),                                      // 19860926 201505 1 001
                2 => "'" + nip,                                                      // Excel text mark
                3 => string.Join('.', nip[..8], nip[8..14], nip[14..15], nip[15..]), // dotted
                4 => "  " + Nip.FormatForDisplay(nip).Replace(' ', '\u00A0') + "\u200B",
                _ => "\uFEFF" + nip + " ",
            };
            var r = NipCheck.Check(written, NipContext.None, Today);
            Assert.True(r.IsValid, $"{written} was refused: {string.Join("; ", r.Errors.Select(e => e.Code))}");
            var parsed = r.Nip!;
            Assert.Equal(nip, parsed.Value);
            Assert.Equal(Nip.FormatForDisplay(nip), parsed.Display);
            Assert.Equal(new DateOnly(int.Parse(nip[..4], CultureInfo.InvariantCulture), int.Parse(nip[4..6], CultureInfo.InvariantCulture), int.Parse(nip[6..8], CultureInfo.InvariantCulture)), parsed.BirthDate);
            Assert.Equal(nip[14] == '1' ? Sex.Male : Sex.Female, parsed.Sex);
            Assert.Equal(int.Parse(nip[15..], CultureInfo.InvariantCulture), parsed.Serial);
            Assert.Equal(nip[12] == '2' ? NipLayout.Pppk : NipLayout.Pns, parsed.Layout);
            // Checking the stored value again gives the same value (idempotent).
            Assert.Equal(nip, NipCheck.Check(parsed.Value, NipContext.None, Today).Value);
        }, iter: 2000);
    }

    [Fact]
    public void A_nip_that_went_through_a_numeric_spreadsheet_cell_is_always_refused()
    {
        Valid.Sample(nip =>
        {
            var number = double.Parse(nip, CultureInfo.InvariantCulture);
            foreach (var written in new[]
                     {
                         number.ToString("0.#####E+00", CultureInfo.InvariantCulture),              // 1.98609E+17
                         number.ToString("0.#####E+00", CultureInfo.InvariantCulture).Replace('.', ','), // Indonesian Excel
                         number.ToString("F0", CultureInfo.InvariantCulture)[..15] + "000",            // 15 significant digits
                         nip + ".0",
                     })
                Assert.False(NipCheck.Check(written, NipContext.None, Today).IsValid, written);
        }, iter: 500);
    }

    [Fact]
    public void Changing_any_one_digit_is_judged_by_the_same_rules()
    {
        Gen.Select(Valid, Gen.Int[0, 17], Gen.Int[0, 9]).Sample((nip, at, digit) =>
        {
            var changed = nip[..at] + (char)('0' + digit) + nip[(at + 1)..];
            Assert.Equal(OracleAccepts(changed, Today), NipCheck.Check(changed, NipContext.None, Today).IsValid);
        }, iter: 3000);
    }

    [Fact]
    public void Anything_but_eighteen_digits_is_refused()
    {
        var digitsOfOtherLength = Gen.Char['0', '9'].Array[0, 30].Where(a => a.Length != 18).Select(a => new string(a));
        var withALetter = Gen.Select(Valid, Gen.Int[0, 17], Gen.Char["AaOoIlxX-/#"]).Select((nip, at, c) => nip[..at] + c + nip[(at + 1)..]);
        Gen.OneOf(digitsOfOtherLength, withALetter).Sample(s => Assert.False(NipCheck.Check(s, NipContext.None, Today).IsValid, s), iter: 2000);
    }
}
