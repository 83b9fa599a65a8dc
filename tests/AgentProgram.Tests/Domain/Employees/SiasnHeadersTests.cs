using AgentProgram.Web.Domain.Employees;

namespace AgentProgram.Tests.Domain.Employees;

public class SiasnHeadersTests
{
    /// <summary>The SIASN "Export Data ASN" header row from DOMAIN.md §5, with the newer columns.</summary>
    private static readonly string[] SiasnExport =
    [
        "PNS ID", "NIP BARU", "NIP LAMA", "NAMA", "GELAR DEPAN", "GELAR BELAKANG", "TEMPAT LAHIR ID",
        "TEMPAT LAHIR NAMA", "TANGGAL LAHIR", "JENIS KELAMIN", "AGAMA ID", "AGAMA NAMA", "JENIS KAWIN ID",
        "JENIS KAWIN NAMA", "NIK", "NOMOR HP", "EMAIL", "EMAIL GOV", "ALAMAT", "NPWP NOMOR", "BPJS",
        "JENIS PEGAWAI ID", "JENIS PEGAWAI NAMA", "KEDUDUKAN HUKUM ID", "KEDUDUKAN HUKUM NAMA",
        "STATUS CPNS PNS", "KARTU ASN VIRTUAL", "NOMOR SK CPNS", "TANGGAL SK CPNS", "TMT CPNS", "NOMOR SK PNS",
        "TANGGAL SK PNS", "TMT PNS", "GOL AWAL ID", "GOL AWAL NAMA", "GOL AKHIR ID", "GOL AKHIR NAMA",
        "TMT GOLONGAN", "MK TAHUN", "MK BULAN", "JENIS JABATAN ID", "JENIS JABATAN NAMA", "JABATAN ID",
        "JABATAN NAMA", "TMT JABATAN", "TINGKAT PENDIDIKAN ID", "TINGKAT PENDIDIKAN NAMA", "PENDIDIKAN ID",
        "PENDIDIKAN NAMA", "TAHUN LULUS", "KPKN ID", "KPKN NAMA", "LOKASI KERJA ID", "LOKASI KERJA NAMA",
        "UNOR ID", "UNOR NAMA", "INSTANSI INDUK ID", "INSTANSI INDUK NAMA", "INSTANSI KERJA ID",
        "INSTANSI KERJA NAMA", "SATUAN KERJA INDUK ID", "SATUAN KERJA INDUK NAMA", "SATUAN KERJA KERJA ID",
        "SATUAN KERJA KERJA NAMA", "IS VALID NIK", "NAMA SEKOLAH", "FLAG IKD", "ESELON ID", "ESELON NAMA",
    ];

    [Theory]
    [InlineData("NIP BARU")]
    [InlineData("NIP_BARU")]
    [InlineData("nip baru")]
    [InlineData("NipBaru")]
    [InlineData("  Nip  Baru ")]
    [InlineData("\uFEFFNIP BARU")]
    [InlineData("nip-baru")]
    public void Headers_match_ignoring_case_spaces_and_underscores(string header) =>
        Assert.True(SiasnHeaders.Matches(header, "NIP BARU"));

    [Theory]
    [InlineData("NIP LAMA")]
    [InlineData("NIP BARU 2")]
    [InlineData("")]
    [InlineData(null)]
    public void Different_headers_do_not_match(string? header) => Assert.False(SiasnHeaders.Matches(header, "NIP BARU"));

    [Fact]
    public void Full_siasn_export_maps_every_kept_column()
    {
        var map = SiasnHeaders.MapEmployeeFile(SiasnExport);

        Assert.True(map.CanImport);
        Assert.Empty(map.Issues);
        Assert.Empty(map.MissingRequired);
        Assert.Empty(map.MissingRecommended);
        Assert.Equal(1, map.IndexOf(SiasnColumn.NipBaru));
        Assert.Equal(0, map.IndexOf(SiasnColumn.PnsId));
        Assert.Equal(3, map.IndexOf(SiasnColumn.Nama));
        Assert.Equal(Array.IndexOf(SiasnExport, "ESELON NAMA"), map.IndexOf(SiasnColumn.EselonNama));
        Assert.Equal(Array.IndexOf(SiasnExport, "SATUAN KERJA KERJA NAMA"), map.IndexOf(SiasnColumn.SatuanKerjaKerjaNama));
        Assert.Equal(Array.IndexOf(SiasnExport, "TMT CPNS"), map.IndexOf(SiasnColumn.TmtCpns));
        // Only the PPPK contract dates are absent from a SIASN export.
        Assert.Equal(
            Enum.GetValues<SiasnColumn>().Except([SiasnColumn.TglAwalKontrak, SiasnColumn.TglAkhirKontrak]).Order(),
            map.Indexes.Keys.Order());
    }

    [Fact]
    public void Full_siasn_export_drops_personal_data_and_knows_every_other_column()
    {
        var map = SiasnHeaders.MapEmployeeFile(SiasnExport);

        Assert.Empty(map.UnknownHeaders);
        Assert.Equal(map.IgnoredHeaders, map.DroppedHeaders);
        foreach (var personal in new[] { "NIK", "NPWP NOMOR", "BPJS", "ALAMAT", "AGAMA ID", "AGAMA NAMA", "JENIS KAWIN ID", "JENIS KAWIN NAMA", "EMAIL", "TEMPAT LAHIR NAMA" })
        {
            Assert.Contains(personal, map.DroppedHeaders);
            Assert.DoesNotContain(Array.IndexOf(SiasnExport, personal), map.Indexes.Values);
        }
        Assert.Equal(SiasnExport.Length, map.Indexes.Count + map.IgnoredHeaders.Count);
    }

    [Fact]
    public void Kept_and_dropped_lists_cover_the_siasn_export_exactly_once()
    {
        var kept = SiasnHeaders.EmployeeColumns.Select(c => SiasnHeaders.Normalize(c.Header)).ToHashSet();
        var dropped = SiasnHeaders.Dropped.Select(SiasnHeaders.Normalize).ToHashSet();

        Assert.Empty(kept.Intersect(dropped));
        Assert.All(SiasnExport, h => Assert.True(kept.Contains(SiasnHeaders.Normalize(h)) ^ dropped.Contains(SiasnHeaders.Normalize(h)), h));
        Assert.All(SiasnHeaders.Sensitive.Where(s => SiasnExport.Contains(s)), s => Assert.Contains(s, SiasnHeaders.Dropped));
    }

    [Fact]
    public void No_alias_is_shared_between_columns_or_with_a_dropped_column()
    {
        var names = SiasnHeaders.EmployeeColumns.SelectMany(c => c.Aliases.Prepend(c.Header)).Select(SiasnHeaders.Normalize).ToList();
        Assert.Equal(names.Count, names.Distinct().Count());
        Assert.DoesNotContain(names, SiasnHeaders.IsDropped);
        Assert.DoesNotContain(names, SiasnHeaders.IsSensitive);

        var unitNames = SiasnHeaders.UnitColumns.SelectMany(c => c.Aliases.Prepend(c.Header)).Select(SiasnHeaders.Normalize).ToList();
        Assert.Equal(unitNames.Count, unitNames.Distinct().Count());
    }

    [Fact]
    public void Snake_case_and_mixed_case_headers_are_matched()
    {
        var map = SiasnHeaders.MapEmployeeFile(["nip_baru", "Nama", "TanggalLahir", "jenis_kelamin", "JENIS_PEGAWAI_NAMA", "kedudukan_hukum_nama", "Unor_Id", "jabatan_nama"]);

        Assert.True(map.CanImport);
        Assert.Empty(map.Issues);
        Assert.Equal(0, map.IndexOf(SiasnColumn.NipBaru));
        Assert.Equal(2, map.IndexOf(SiasnColumn.TanggalLahir));
        Assert.Equal(6, map.IndexOf(SiasnColumn.UnorId));
    }

    [Fact]
    public void Missing_required_columns_block_the_import()
    {
        var map = SiasnHeaders.MapEmployeeFile(["PNS ID", "GELAR DEPAN", "JENIS KELAMIN"]);

        Assert.False(map.CanImport);
        Assert.Equal([SiasnColumn.NipBaru, SiasnColumn.Nama], map.MissingRequired);
        var errors = map.Issues.Where(i => i.IsError).ToList();
        Assert.Equal(2, errors.Count);
        Assert.All(errors, e => Assert.Equal(ImportIssueCode.HeaderRequiredMissing, e.Code));
        Assert.Equal(["NIP BARU"], errors[0].Args);
        Assert.StartsWith("Kolom wajib NIP BARU tidak ditemukan", errors[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_recommended_columns_are_warnings()
    {
        var map = SiasnHeaders.MapEmployeeFile(["NIP BARU", "NAMA"]);

        Assert.True(map.CanImport);
        Assert.Equal(
            [SiasnColumn.JenisKelamin, SiasnColumn.TanggalLahir, SiasnColumn.JenisPegawaiNama, SiasnColumn.KedudukanHukumNama, SiasnColumn.JabatanNama, SiasnColumn.UnorId],
            map.MissingRecommended);
        Assert.All(map.Issues, i =>
        {
            Assert.Equal(ImportIssueCode.HeaderRecommendedMissing, i.Code);
            Assert.Equal(IssueSeverity.Warning, i.Severity);
        });
        Assert.Contains(map.Issues, i => i.Args[0] == "KEDUDUKAN HUKUM NAMA");
    }

    [Fact]
    public void Unknown_headers_are_ignored_and_listed()
    {
        var map = SiasnHeaders.MapEmployeeFile(["NO", "NIP BARU", "NAMA", "HOBI", "", "NIK"]);

        Assert.Equal(["NO", "HOBI", "NIK"], map.IgnoredHeaders);
        Assert.Equal(["NO", "HOBI"], map.UnknownHeaders);
        Assert.Equal(["NIK"], map.DroppedHeaders);
    }

    [Fact]
    public void Alias_is_used_when_the_siasn_header_is_absent()
    {
        var map = SiasnHeaders.MapEmployeeFile(["NIP", "NAMA LENGKAP", "GOLONGAN", "ESELON"]);

        Assert.Equal(0, map.IndexOf(SiasnColumn.NipBaru));
        Assert.Equal(1, map.IndexOf(SiasnColumn.Nama));
        Assert.Equal(2, map.IndexOf(SiasnColumn.GolAkhirNama));
        Assert.Equal(3, map.IndexOf(SiasnColumn.EselonNama));
    }

    [Fact]
    public void Siasn_header_beats_an_alias()
    {
        var map = SiasnHeaders.MapEmployeeFile(["NIP", "NIP BARU", "NAMA"]);

        Assert.Equal(1, map.IndexOf(SiasnColumn.NipBaru));
        Assert.Equal(["NIP"], map.IgnoredHeaders);
    }

    [Fact]
    public void Duplicate_header_uses_the_first_and_warns()
    {
        var map = SiasnHeaders.MapEmployeeFile(["NIP BARU", "NAMA", "nama"]);

        Assert.Equal(1, map.IndexOf(SiasnColumn.Nama));
        var issue = Assert.Single(map.Issues, i => i.Code == ImportIssueCode.HeaderDuplicate);
        Assert.Equal(IssueSeverity.Warning, issue.Severity);
        Assert.Equal(["NAMA", "2"], issue.Args);
        Assert.Equal(["nama"], map.IgnoredHeaders);
    }

    [Fact]
    public void User_mapping_reads_a_regional_simpeg_export()
    {
        string[] headers = ["No", "NIP Pegawai", "Nama Lengkap", "Gol", "Tgl. Lahir", "Unit"];
        var map = SiasnHeaders.MapEmployeeFile(headers, new Dictionary<SiasnColumn, string>
        {
            [SiasnColumn.NipBaru] = "NIP Pegawai",
            [SiasnColumn.GolAkhirNama] = "gol",
            [SiasnColumn.UnorNama] = "UNIT",
        });

        Assert.True(map.CanImport);
        Assert.Equal(1, map.IndexOf(SiasnColumn.NipBaru));
        Assert.Equal(2, map.IndexOf(SiasnColumn.Nama));
        Assert.Equal(3, map.IndexOf(SiasnColumn.GolAkhirNama));
        Assert.Equal(4, map.IndexOf(SiasnColumn.TanggalLahir));
        Assert.Equal(5, map.IndexOf(SiasnColumn.UnorNama));
        Assert.Equal(["No"], map.IgnoredHeaders);
    }

    [Fact]
    public void User_mapping_wins_over_automatic_matching()
    {
        var map = SiasnHeaders.MapEmployeeFile(["NIP BARU", "NAMA", "NAMA LENGKAP"],
            new Dictionary<SiasnColumn, string> { [SiasnColumn.Nama] = "NAMA LENGKAP" });

        Assert.Equal(2, map.IndexOf(SiasnColumn.Nama));
        Assert.Equal(["NAMA"], map.IgnoredHeaders);
    }

    [Fact]
    public void Blank_user_mapping_means_automatic()
    {
        var map = SiasnHeaders.MapEmployeeFile(["NIP BARU", "NAMA"], new Dictionary<SiasnColumn, string> { [SiasnColumn.Nama] = " " });
        Assert.Equal(1, map.IndexOf(SiasnColumn.Nama));
    }

    [Fact]
    public void User_mapping_to_a_header_not_in_the_file_is_an_error()
    {
        var map = SiasnHeaders.MapEmployeeFile(["NIP BARU", "NAMA"],
            new Dictionary<SiasnColumn, string> { [SiasnColumn.NipBaru] = "NIP PEGAWAI" });

        Assert.False(map.CanImport);
        Assert.False(map.Has(SiasnColumn.NipBaru));
        Assert.Equal([SiasnColumn.NipBaru], map.MissingRequired);
        var issue = Assert.Single(map.Issues, i => i.IsError);
        Assert.Equal(ImportIssueCode.HeaderOverrideNotFound, issue.Code);
        Assert.Equal(["NIP BARU", "NIP PEGAWAI"], issue.Args);
    }

    [Theory]
    [InlineData("NIK")]
    [InlineData("nik")]
    [InlineData("NPWP NOMOR")]
    [InlineData("ALAMAT")]
    [InlineData("AGAMA_NAMA")]
    public void User_mapping_may_not_read_personal_data(string header)
    {
        var map = SiasnHeaders.MapEmployeeFile(["NIP BARU", "NAMA", header],
            new Dictionary<SiasnColumn, string> { [SiasnColumn.NipLama] = header });

        Assert.False(map.CanImport);
        Assert.False(map.Has(SiasnColumn.NipLama));
        var issue = Assert.Single(map.Issues, i => i.IsError);
        Assert.Equal(ImportIssueCode.HeaderOverrideSensitive, issue.Code);
        Assert.Equal(["NIP LAMA", header], issue.Args);
    }

    [Fact]
    public void ValueOf_trims_and_gives_null_for_blank_short_or_unmapped()
    {
        var map = SiasnHeaders.MapEmployeeFile(["NIP BARU", "NAMA", "GELAR DEPAN"]);

        Assert.Equal("198609262015051001", map.ValueOf([" 198609262015051001 ", " Budi ", " "], SiasnColumn.NipBaru));
        Assert.Equal("Budi", map.ValueOf(["x", " Budi ", " "], SiasnColumn.Nama));
        Assert.Null(map.ValueOf(["x", "Budi", " "], SiasnColumn.GelarDepan));
        Assert.Null(map.ValueOf(["x", "Budi"], SiasnColumn.GelarDepan));
        Assert.Null(map.ValueOf(["x", "Budi", "Dr."], SiasnColumn.EmailGov));
        Assert.Null(map.ValueOf(["x", null, "Dr."], SiasnColumn.Nama));
    }

    [Fact]
    public void HeaderOf_gives_the_siasn_spelling()
    {
        Assert.Equal("NIP BARU", SiasnHeaders.HeaderOf(SiasnColumn.NipBaru));
        Assert.Equal("SATUAN KERJA KERJA NAMA", SiasnHeaders.HeaderOf(SiasnColumn.SatuanKerjaKerjaNama));
        Assert.Equal("NAMA_UNOR", SiasnHeaders.HeaderOf(UnitColumn.NamaUnor));
        Assert.Equal("KEDUDUKAN HUKUM NAMA", SiasnHeaders.MapEmployeeFile([]).HeaderOf(SiasnColumn.KedudukanHukumNama));
    }

    [Theory]
    [InlineData("ID", "NAMA_UNOR", "ID_ATASAN")]
    [InlineData("ID", "NAMA_UNOR", "DIATASAN_ID")]
    [InlineData("id", "nama unor", "diatasan id")]
    [InlineData("UNOR ID", "UNOR NAMA", "ID ATASAN")]
    public void Unit_file_headers_are_matched(string id, string name, string parent)
    {
        var map = SiasnHeaders.MapUnitFile([id, name, parent]);

        Assert.True(map.CanImport);
        Assert.Empty(map.Issues);
        Assert.Equal(0, map.IndexOf(UnitColumn.Id));
        Assert.Equal(1, map.IndexOf(UnitColumn.NamaUnor));
        Assert.Equal(2, map.IndexOf(UnitColumn.IdAtasan));
        Assert.False(map.Has(UnitColumn.NamaJabatan));
    }

    [Fact]
    public void Unit_file_without_parent_column_imports_with_a_warning()
    {
        var map = SiasnHeaders.MapUnitFile(["ID", "NAMA_UNOR"]);

        Assert.True(map.CanImport);
        Assert.Equal([UnitColumn.IdAtasan], map.MissingRecommended);
        Assert.Equal("ID_ATASAN", Assert.Single(map.Issues).Args[0]);
    }

    [Fact]
    public void Unit_file_without_id_cannot_be_imported()
    {
        var map = SiasnHeaders.MapUnitFile(["NAMA_UNOR", "ID_ATASAN"]);

        Assert.False(map.CanImport);
        Assert.Equal([UnitColumn.Id], map.MissingRequired);
    }
}
