using AgentProgram.Web.Domain.Messages;

namespace AgentProgram.Tests.Domain.Messages;

public class ElectionGuardTests
{
    private static DateTime Utc(int y, int m, int d, int h = 0) => new(y, m, d, h, 0, 0, DateTimeKind.Utc);

    // Pilkada 2024 as WIB dates turned into UTC instants (WIB = UTC+7): campaign 25 Sep–23 Nov, masa tenang 24–26 Nov.
    private static readonly ElectionPeriod Campaign = new("Masa Kampanye Pilkada 2024", Utc(2024, 9, 24, 17), Utc(2024, 11, 23, 17), ElectionPeriodKind.Campaign);
    private static readonly ElectionPeriod Quiet = new("Masa Tenang Pilkada 2024", Utc(2024, 11, 23, 17), Utc(2024, 11, 26, 17), ElectionPeriodKind.QuietPeriod);

    private static readonly DateTime OutsideNow = Utc(2024, 6, 1);

    private static ElectionGuard Guard(params string[] candidates) => new([Quiet, Campaign], candidates);

    private static ElectionCheck CheckText(ElectionGuard guard, string text) =>
        guard.Check([new GuardedText("Pesan utama", text)], Utc(2024, 6, 1), Utc(2024, 6, 30), OutsideNow);

    [Fact]
    public void A_message_outside_every_period_naming_no_candidate_passes()
    {
        var check = CheckText(Guard("Budi Santoso"), "Ayo lapor SPT Tahunan sebelum 31 Maret.");

        Assert.Equal(ElectionVerdict.None, check.Verdict);
        Assert.Same(ElectionCheck.None, check);
        Assert.Null(check.Format);
    }

    [Fact]
    public void A_window_overlapping_the_campaign_is_flagged_with_the_period()
    {
        var check = Guard().Check([new GuardedText("Judul", "Vaksinasi gratis")], Utc(2024, 11, 20), Utc(2024, 11, 30), OutsideNow);

        Assert.Equal(ElectionVerdict.Flagged, check.Verdict);
        Assert.Equal(["Masa Kampanye Pilkada 2024", "Masa Tenang Pilkada 2024"], check.Periods.Select(p => p.Name));
        Assert.Equal(PolicyMessageTexts.ElectionFlagged, check.Format);
        Assert.Equal(["Masa Kampanye Pilkada 2024, Masa Tenang Pilkada 2024"], check.FormatArgs);
    }

    [Fact]
    public void Checking_during_a_period_flags_even_a_window_outside_it()
    {
        var check = Guard().Check([new GuardedText("Judul", "Vaksinasi")], Utc(2025, 1, 1), Utc(2025, 1, 5), Utc(2024, 11, 24));

        Assert.Equal(ElectionVerdict.Flagged, check.Verdict);
        Assert.Equal(ElectionPeriodKind.QuietPeriod, Assert.Single(check.Periods).Kind);
    }

    [Fact]
    public void Period_ends_are_exclusive_and_window_ends_inclusive()
    {
        var guard = Guard();
        var text = new[] { new GuardedText("Judul", "x") };

        // The window ends exactly when the campaign starts: they share that instant.
        Assert.True(guard.Check(text, Utc(2024, 9, 1), Campaign.StartUtc, OutsideNow).IsFlagged);
        // The window starts exactly when masa tenang ends: no overlap.
        Assert.False(guard.Check(text, Quiet.EndUtc, Quiet.EndUtc.AddDays(3), OutsideNow).IsFlagged);
        Assert.True(guard.Check(text, Quiet.EndUtc.AddTicks(-1), Quiet.EndUtc.AddDays(3), OutsideNow).IsFlagged);
    }

    [Fact]
    public void Naming_a_candidate_blocks_and_says_which_name_and_where()
    {
        var guard = Guard("Budi Santoso");
        var check = guard.Check(
            [new GuardedText("Judul", "Program air bersih"), new GuardedText("Keterangan X", "Terima kasih Bapak Budi   Santoso atas dukungannya!")],
            Utc(2024, 6, 1), Utc(2024, 6, 30), OutsideNow);

        Assert.Equal(ElectionVerdict.Blocked, check.Verdict);
        var mention = Assert.Single(check.Mentions);
        Assert.Equal("Budi Santoso", mention.Candidate);
        Assert.Equal("Keterangan X", mention.Field);
        Assert.Equal(19, mention.Index);
        Assert.Equal("Budi   Santoso", mention.Written);
        Assert.Equal("Keterangan X menyebut nama calon `Budi Santoso` (tertulis `Budi   Santoso`).", mention.Message);
        Assert.Equal(PolicyMessageTexts.ElectionBlocked, check.Format);
        Assert.Equal(["Budi Santoso"], check.FormatArgs);
    }

    [Fact]
    public void Blocked_wins_over_flagged_and_keeps_the_periods()
    {
        var check = Guard("Ani").Check([new GuardedText("Judul", "Bersama Ani")], Utc(2024, 11, 1), Utc(2024, 11, 2), OutsideNow);

        Assert.Equal(ElectionVerdict.Blocked, check.Verdict);
        Assert.Equal("Masa Kampanye Pilkada 2024", Assert.Single(check.Periods).Name);
    }

    [Theory]
    [InlineData("BUDI SANTOSO hadir")]
    [InlineData("budi santoso hadir")]
    [InlineData("Budi-Santoso hadir")]
    [InlineData("Budi,Santoso hadir")]
    [InlineData("(Budi Santoso) hadir")]
    [InlineData("\"Budi\n Santoso\" hadir")]
    [InlineData("Pak Budi Santoso hadir")]
    [InlineData("Dr. H. Budi Santoso, S.E. hadir")]
    [InlineData("Dukung #BudiSantoso")]
    [InlineData("dukung budisantoso")]
    [InlineData("Búdi Santoso hadir")]
    public void Matching_ignores_case_punctuation_spaces_honorifics_and_accents(string text) =>
        Assert.True(CheckText(Guard("Budi Santoso"), text).IsBlocked, text);

    [Theory]
    [InlineData("Animasi edukasi pajak untuk pelajar")]
    [InlineData("Data dari Kemenkes dianalisis")]
    [InlineData("Aniaya dilarang")]
    [InlineData("Rani dan Mani")]
    [InlineData("ANI2024")]
    public void A_short_name_matches_whole_words_only(string text) =>
        Assert.False(CheckText(Guard("Ani"), text).IsBlocked, text);

    [Theory]
    [InlineData("Ani")]
    [InlineData("ANI.")]
    [InlineData("Ibu Ani meresmikan")]
    [InlineData("bersama @ani")]
    public void A_short_name_still_matches_as_a_word(string text) =>
        Assert.True(CheckText(Guard("Ani"), text).IsBlocked, text);

    [Theory]
    [InlineData("Budi hadir")]
    [InlineData("Santoso hadir")]
    [InlineData("Santoso Budi hadir")]
    [InlineData("Budi dan Santoso hadir")]
    [InlineData("Budiman Santosa hadir")]
    public void A_full_name_needs_all_its_words_in_order(string text) =>
        Assert.False(CheckText(Guard("Budi Santoso"), text).IsBlocked, text);

    [Fact]
    public void Honorifics_and_degrees_in_the_configured_name_are_dropped()
    {
        var guard = new ElectionGuard([], ["Dr. H. Ahmad Fauzi, S.H., M.Si.", "K.H. Maruf Amin", "Hj. Siti  Aminah", "Ir. Joko"]);

        Assert.Equal(["ahmad fauzi", "maruf amin", "siti aminah", "joko"], guard.MatchedNames);
        Assert.True(CheckText(guard, "Ahmad Fauzi meninjau").IsBlocked);
        Assert.True(CheckText(guard, "Kyai Maruf Amin").IsBlocked);
    }

    [Fact]
    public void A_name_that_is_only_an_honorific_is_kept_as_written()
    {
        // The last word is never dropped, so a badly configured "Bapak" still matches something sensible.
        Assert.Equal(["bapak"], new ElectionGuard([], ["Bapak"]).MatchedNames);
    }

    [Fact]
    public void Blank_and_duplicate_names_are_ignored()
    {
        var guard = new ElectionGuard([], ["", "  ", "Budi Santoso", "BUDI  SANTOSO", "Pak Budi Santoso"]);

        Assert.Equal(["budi santoso"], guard.MatchedNames);
        Assert.Single(guard.FindMentions("Judul", "Budi Santoso"));
    }

    [Fact]
    public void Every_mention_in_every_field_is_reported()
    {
        var guard = new ElectionGuard([], ["Ani", "Budi Santoso"]);
        var check = guard.Check(
            [new GuardedText("Judul", "Ani dan Budi Santoso"), new GuardedText("Pesan utama", null), new GuardedText("Keterangan", "lagi-lagi Ani")],
            Utc(2024, 6, 1), Utc(2024, 6, 2), OutsideNow);

        Assert.Equal([("Judul", "Ani", 0), ("Judul", "Budi Santoso", 8), ("Keterangan", "Ani", 10)], check.Mentions.Select(m => (m.Field, m.Candidate, m.Index)));
        Assert.Equal("Ani, Budi Santoso", check.CandidateNames);
    }

    [Fact]
    public void Without_candidates_or_periods_nothing_is_ever_flagged()
    {
        var guard = new ElectionGuard([], []);

        Assert.Equal(ElectionVerdict.None, guard.Check([new GuardedText("Judul", "Ani Budi")], DateTime.MinValue, DateTime.MaxValue, OutsideNow).Verdict);
    }

    [Fact]
    public void Position_of_a_mention_is_in_the_original_text_after_emoji()
    {
        var text = "🇮🇩🎉 Selamat, Ani!";
        var mention = Assert.Single(Guard("Ani").FindMentions("Judul", text));

        Assert.Equal("Ani", text.Substring(mention.Index, mention.Length));
    }
}
