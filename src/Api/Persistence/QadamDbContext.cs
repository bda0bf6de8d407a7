using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using OpenIddict.EntityFrameworkCore.Models;
using Qadam.Api.Features.Audit;
using Qadam.Api.Features.Cases;
using Qadam.Api.Features.EmergencyOrders;
using Qadam.Api.Features.Evidence;
using Qadam.Api.Features.Identity;
using Qadam.Api.Features.MassTransfers;
using Qadam.Api.Features.Notifications;
using Qadam.Api.Features.Organisations;
using Qadam.Api.Features.Readiness;
using Qadam.Api.Features.Students;
using Qadam.Api.Features.Universities;

namespace Qadam.Api.Persistence;

/// <summary>
/// The API's own tables (schema <c>qadam</c>): organisations, users and roles (ASP.NET Core Identity),
/// OpenIddict's applications and tokens, students and parent links, the audit chain, cases with their evidence, and
/// emergency orders with the mass transfers they cause, and organisations' readiness for distance learning.
/// </summary>
public sealed class QadamDbContext(DbContextOptions<QadamDbContext> options)
    : IdentityDbContext<QadamUser, IdentityRole<Guid>, Guid>(options)
{
    public const string Schema = "qadam";

    public DbSet<Organisation> Organisations => Set<Organisation>();

    public DbSet<Student> Students => Set<Student>();

    public DbSet<ParentLink> ParentLinks => Set<ParentLink>();

    public DbSet<AuditEvent> AuditEvents => Set<AuditEvent>();

    public DbSet<Case> Cases => Set<Case>();

    public DbSet<CaseEvidence> Evidence => Set<CaseEvidence>();

    public DbSet<EmergencyOrder> EmergencyOrders => Set<EmergencyOrder>();

    public DbSet<MassTransfer> MassTransfers => Set<MassTransfer>();

    public DbSet<MassTransferSchool> MassTransferSchools => Set<MassTransferSchool>();

    public DbSet<Features.TvetLedger.TvetDistanceLedgerEntry> TvetDistanceLedger => Set<Features.TvetLedger.TvetDistanceLedgerEntry>();

    public DbSet<StudentTransfer> StudentTransfers => Set<StudentTransfer>();

    public DbSet<CaseNotice> CaseNotices => Set<CaseNotice>();

    public DbSet<ReadinessEdition> ReadinessEditions => Set<ReadinessEdition>();

    public DbSet<ReadinessRecord> ReadinessRecords => Set<ReadinessRecord>();

    public DbSet<UniversityProgramme> UniversityProgrammes => Set<UniversityProgramme>();

    public DbSet<StudyPlan> StudyPlans => Set<StudyPlan>();

    public DbSet<UniversityEmergency> UniversityEmergencies => Set<UniversityEmergency>();

    // snake_case like the engine's and the documents' schemas, so raw SQL names columns without quotes. Set here rather than
    // at each AddDbContext/DbContextOptionsBuilder so every context over this schema (host, activities, benches) agrees.
    // The API's contexts bring it in their options, built once (Hosting/QadamContextOptions): asking again would copy the
    // options for every context, and EF would look its services up by the copy.
    protected override void OnConfiguring(DbContextOptionsBuilder optionsBuilder)
    {
        if (optionsBuilder.Options.FindExtension<EFCore.NamingConventions.Internal.NamingConventionsOptionsExtension>() is null)
        {
            optionsBuilder.UseSnakeCaseNamingConvention();
        }
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.HasDefaultSchema(Schema);
        modelBuilder.UseOpenIddict<Guid>();

        // Lower-case table names like the rest of the schema, instead of Identity's AspNetUsers and OpenIddict's prefixes.
        modelBuilder.Entity<QadamUser>(b =>
        {
            b.ToTable("users");
            b.Property(u => u.DisplayName).HasMaxLength(300);
            b.Property(u => u.Iin).HasMaxLength(12).IsFixedLength();
            b.HasIndex(u => u.Iin);
            b.HasOne<Organisation>().WithMany().HasForeignKey(u => u.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        });
        modelBuilder.Entity<IdentityRole<Guid>>().ToTable("roles");
        modelBuilder.Entity<IdentityUserRole<Guid>>().ToTable("user_roles");
        modelBuilder.Entity<IdentityUserClaim<Guid>>().ToTable("user_claims");
        modelBuilder.Entity<IdentityUserLogin<Guid>>().ToTable("user_logins");
        modelBuilder.Entity<IdentityRoleClaim<Guid>>().ToTable("role_claims");
        modelBuilder.Entity<IdentityUserToken<Guid>>().ToTable("user_tokens");
        modelBuilder.Entity<OpenIddictEntityFrameworkCoreApplication<Guid>>().ToTable("oidc_applications");
        modelBuilder.Entity<OpenIddictEntityFrameworkCoreAuthorization<Guid>>().ToTable("oidc_authorizations");
        modelBuilder.Entity<OpenIddictEntityFrameworkCoreScope<Guid>>().ToTable("oidc_scopes");
        modelBuilder.Entity<OpenIddictEntityFrameworkCoreToken<Guid>>().ToTable("oidc_tokens");

        modelBuilder.ApplyConfigurationsFromAssembly(typeof(QadamDbContext).Assembly);
    }
}
