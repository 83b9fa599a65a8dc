using AgentProgram.Web.Domain.Agents;
using AgentProgram.Web.Domain.Employees;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AgentProgram.Web.Data.Configurations;

/// <summary>
/// The version columns of the large enrolment tables, indexed so the Kepegawaian dashboard's stamp
/// (Features/Home/Kepegawaian: row count, highest id and sum of versions per table) sums a narrow index instead of
/// reading every row: 30 ms down to 10 ms at 80,000 agents on SQLite. Declared here (a second configuration of those
/// entities) so the reason stays next to them.
/// </summary>
internal sealed class EnrolmentStampIndexes : IEntityTypeConfiguration<Agent>, IEntityTypeConfiguration<Employee>, IEntityTypeConfiguration<SocialAccount>
{
    public void Configure(EntityTypeBuilder<Agent> b) => b.HasIndex(a => a.Version);

    public void Configure(EntityTypeBuilder<Employee> b) => b.HasIndex(e => e.Version);

    public void Configure(EntityTypeBuilder<SocialAccount> b) => b.HasIndex(s => s.Version);
}
