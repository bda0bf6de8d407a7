using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Qadam.Api.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class Naming_SnakeCase : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // A rename in place, data kept: EF drops and re-adds a key to rename it, which here would rebuild every primary key's
            // index and leave a moment without the constraint; PostgreSQL renames a constraint (and its index) directly.
            migrationBuilder.Sql("ALTER TABLE qadam.case_counters RENAME CONSTRAINT \"FK_case_counters_organisations_OrganisationId\" TO \"fk_case_counters_organisations_organisation_id\"");

            migrationBuilder.Sql("ALTER TABLE qadam.case_evidence RENAME CONSTRAINT \"FK_case_evidence_cases_CaseId\" TO \"fk_case_evidence_cases_case_id\"");

            migrationBuilder.Sql("ALTER TABLE qadam.case_notices RENAME CONSTRAINT \"FK_case_notices_cases_CaseId\" TO \"fk_case_notices_cases_case_id\"");

            migrationBuilder.Sql("ALTER TABLE qadam.cases RENAME CONSTRAINT \"FK_cases_organisations_OrganisationId\" TO \"fk_cases_organisations_organisation_id\"");

            migrationBuilder.Sql("ALTER TABLE qadam.cases RENAME CONSTRAINT \"FK_cases_students_StudentId\" TO \"fk_cases_students_student_id\"");

            migrationBuilder.Sql("ALTER TABLE qadam.mass_transfer_schools RENAME CONSTRAINT \"FK_mass_transfer_schools_mass_transfers_TransferId\" TO \"fk_mass_transfer_schools_mass_transfers_transfer_id\"");

            migrationBuilder.Sql("ALTER TABLE qadam.mass_transfer_schools RENAME CONSTRAINT \"FK_mass_transfer_schools_organisations_OrganisationId\" TO \"fk_mass_transfer_schools_organisations_organisation_id\"");

            migrationBuilder.Sql("ALTER TABLE qadam.oidc_authorizations RENAME CONSTRAINT \"FK_oidc_authorizations_oidc_applications_ApplicationId\" TO \"fk_oidc_authorizations_oidc_applications_application_id\"");

            migrationBuilder.Sql("ALTER TABLE qadam.oidc_tokens RENAME CONSTRAINT \"FK_oidc_tokens_oidc_applications_ApplicationId\" TO \"fk_oidc_tokens_oidc_applications_application_id\"");

            migrationBuilder.Sql("ALTER TABLE qadam.oidc_tokens RENAME CONSTRAINT \"FK_oidc_tokens_oidc_authorizations_AuthorizationId\" TO \"fk_oidc_tokens_oidc_authorizations_authorization_id\"");

            migrationBuilder.Sql("ALTER TABLE qadam.organisations RENAME CONSTRAINT \"FK_organisations_organisations_ParentId\" TO \"fk_organisations_organisations_parent_id\"");

            migrationBuilder.Sql("ALTER TABLE qadam.parent_links RENAME CONSTRAINT \"FK_parent_links_students_StudentId\" TO \"fk_parent_links_students_student_id\"");

            migrationBuilder.Sql("ALTER TABLE qadam.parent_links RENAME CONSTRAINT \"FK_parent_links_users_ParentUserId\" TO \"fk_parent_links_users_parent_user_id\"");

            migrationBuilder.Sql("ALTER TABLE qadam.readiness_records RENAME CONSTRAINT \"FK_readiness_records_organisations_OrganisationId\" TO \"fk_readiness_records_organisations_organisation_id\"");

            migrationBuilder.Sql("ALTER TABLE qadam.readiness_records RENAME CONSTRAINT \"FK_readiness_records_readiness_editions_EditionId\" TO \"fk_readiness_records_readiness_editions_edition_id\"");

            migrationBuilder.Sql("ALTER TABLE qadam.role_claims RENAME CONSTRAINT \"FK_role_claims_roles_RoleId\" TO \"fk_role_claims_roles_role_id\"");

            migrationBuilder.Sql("ALTER TABLE qadam.students RENAME CONSTRAINT \"FK_students_organisations_OrganisationId\" TO \"fk_students_organisations_organisation_id\"");

            migrationBuilder.Sql("ALTER TABLE qadam.tvet_distance_ledger RENAME CONSTRAINT \"FK_tvet_distance_ledger_cases_CaseId\" TO \"fk_tvet_distance_ledger_cases_case_id\"");

            migrationBuilder.Sql("ALTER TABLE qadam.tvet_distance_ledger RENAME CONSTRAINT \"FK_tvet_distance_ledger_students_StudentId\" TO \"fk_tvet_distance_ledger_students_student_id\"");

            migrationBuilder.Sql("ALTER TABLE qadam.university_emergencies RENAME CONSTRAINT \"FK_university_emergencies_organisations_UniversityId\" TO \"fk_university_emergencies_organisations_university_id\"");

            migrationBuilder.Sql("ALTER TABLE qadam.university_programmes RENAME CONSTRAINT \"FK_university_programmes_organisations_FacultyId\" TO \"fk_university_programmes_organisations_faculty_id\"");

            migrationBuilder.Sql("ALTER TABLE qadam.university_programmes RENAME CONSTRAINT \"FK_university_programmes_organisations_UniversityId\" TO \"fk_university_programmes_organisations_university_id\"");

            migrationBuilder.Sql("ALTER TABLE qadam.university_study_plans RENAME CONSTRAINT \"FK_university_study_plans_students_StudentId\" TO \"fk_university_study_plans_students_student_id\"");

            migrationBuilder.Sql("ALTER TABLE qadam.university_study_plans RENAME CONSTRAINT \"FK_university_study_plans_university_programmes_ProgrammeId\" TO \"fk_university_study_plans_university_programmes_programme_id\"");

            migrationBuilder.Sql("ALTER TABLE qadam.user_claims RENAME CONSTRAINT \"FK_user_claims_users_UserId\" TO \"fk_user_claims_users_user_id\"");

            migrationBuilder.Sql("ALTER TABLE qadam.user_logins RENAME CONSTRAINT \"FK_user_logins_users_UserId\" TO \"fk_user_logins_users_user_id\"");

            migrationBuilder.Sql("ALTER TABLE qadam.user_roles RENAME CONSTRAINT \"FK_user_roles_roles_RoleId\" TO \"fk_user_roles_roles_role_id\"");

            migrationBuilder.Sql("ALTER TABLE qadam.user_roles RENAME CONSTRAINT \"FK_user_roles_users_UserId\" TO \"fk_user_roles_users_user_id\"");

            migrationBuilder.Sql("ALTER TABLE qadam.user_tokens RENAME CONSTRAINT \"FK_user_tokens_users_UserId\" TO \"fk_user_tokens_users_user_id\"");

            migrationBuilder.Sql("ALTER TABLE qadam.users RENAME CONSTRAINT \"FK_users_organisations_OrganisationId\" TO \"fk_users_organisations_organisation_id\"");

            migrationBuilder.Sql("ALTER TABLE qadam.users RENAME CONSTRAINT \"PK_users\" TO \"pk_users\"");

            migrationBuilder.Sql("ALTER TABLE qadam.user_tokens RENAME CONSTRAINT \"PK_user_tokens\" TO \"pk_user_tokens\"");

            migrationBuilder.Sql("ALTER TABLE qadam.user_roles RENAME CONSTRAINT \"PK_user_roles\" TO \"pk_user_roles\"");

            migrationBuilder.Sql("ALTER TABLE qadam.user_logins RENAME CONSTRAINT \"PK_user_logins\" TO \"pk_user_logins\"");

            migrationBuilder.Sql("ALTER TABLE qadam.user_claims RENAME CONSTRAINT \"PK_user_claims\" TO \"pk_user_claims\"");

            migrationBuilder.Sql("ALTER TABLE qadam.university_study_plans RENAME CONSTRAINT \"PK_university_study_plans\" TO \"pk_university_study_plans\"");

            migrationBuilder.Sql("ALTER TABLE qadam.university_programmes RENAME CONSTRAINT \"PK_university_programmes\" TO \"pk_university_programmes\"");

            migrationBuilder.Sql("ALTER TABLE qadam.university_emergencies RENAME CONSTRAINT \"PK_university_emergencies\" TO \"pk_university_emergencies\"");

            migrationBuilder.Sql("ALTER TABLE qadam.tvet_distance_ledger RENAME CONSTRAINT \"PK_tvet_distance_ledger\" TO \"pk_tvet_distance_ledger\"");

            migrationBuilder.Sql("ALTER TABLE qadam.students RENAME CONSTRAINT \"PK_students\" TO \"pk_students\"");

            migrationBuilder.Sql("ALTER TABLE qadam.student_transfers RENAME CONSTRAINT \"PK_student_transfers\" TO \"pk_student_transfers\"");

            migrationBuilder.Sql("ALTER TABLE qadam.roles RENAME CONSTRAINT \"PK_roles\" TO \"pk_roles\"");

            migrationBuilder.Sql("ALTER TABLE qadam.role_claims RENAME CONSTRAINT \"PK_role_claims\" TO \"pk_role_claims\"");

            migrationBuilder.Sql("ALTER TABLE qadam.readiness_records RENAME CONSTRAINT \"PK_readiness_records\" TO \"pk_readiness_records\"");

            migrationBuilder.Sql("ALTER TABLE qadam.readiness_editions RENAME CONSTRAINT \"PK_readiness_editions\" TO \"pk_readiness_editions\"");

            migrationBuilder.Sql("ALTER TABLE qadam.parent_notifications RENAME CONSTRAINT \"PK_parent_notifications\" TO \"pk_parent_notifications\"");

            migrationBuilder.Sql("ALTER TABLE qadam.parent_links RENAME CONSTRAINT \"PK_parent_links\" TO \"pk_parent_links\"");

            migrationBuilder.Sql("ALTER TABLE qadam.organisations RENAME CONSTRAINT \"PK_organisations\" TO \"pk_organisations\"");

            migrationBuilder.Sql("ALTER TABLE qadam.oidc_tokens RENAME CONSTRAINT \"PK_oidc_tokens\" TO \"pk_oidc_tokens\"");

            migrationBuilder.Sql("ALTER TABLE qadam.oidc_scopes RENAME CONSTRAINT \"PK_oidc_scopes\" TO \"pk_oidc_scopes\"");

            migrationBuilder.Sql("ALTER TABLE qadam.oidc_authorizations RENAME CONSTRAINT \"PK_oidc_authorizations\" TO \"pk_oidc_authorizations\"");

            migrationBuilder.Sql("ALTER TABLE qadam.oidc_applications RENAME CONSTRAINT \"PK_oidc_applications\" TO \"pk_oidc_applications\"");

            migrationBuilder.Sql("ALTER TABLE qadam.mass_transfers RENAME CONSTRAINT \"PK_mass_transfers\" TO \"pk_mass_transfers\"");

            migrationBuilder.Sql("ALTER TABLE qadam.mass_transfer_schools RENAME CONSTRAINT \"PK_mass_transfer_schools\" TO \"pk_mass_transfer_schools\"");

            migrationBuilder.Sql("ALTER TABLE qadam.idempotency_keys RENAME CONSTRAINT \"PK_idempotency_keys\" TO \"pk_idempotency_keys\"");

            migrationBuilder.Sql("ALTER TABLE qadam.emergency_orders RENAME CONSTRAINT \"PK_emergency_orders\" TO \"pk_emergency_orders\"");

            migrationBuilder.Sql("ALTER TABLE qadam.document_pdf_renditions RENAME CONSTRAINT \"PK_document_pdf_renditions\" TO \"pk_document_pdf_renditions\"");

            migrationBuilder.Sql("ALTER TABLE qadam.cases RENAME CONSTRAINT \"PK_cases\" TO \"pk_cases\"");

            // The filter names the column too; PostgreSQL rewrites the predicate with the column, so the index is renamed, not rebuilt.
            migrationBuilder.RenameIndex(
                name: "IX_cases_ApplicantId_IdempotencyKey",
                schema: "qadam",
                table: "cases",
                newName: "ix_cases_applicant_id_idempotency_key");

            migrationBuilder.Sql("ALTER TABLE qadam.case_notices RENAME CONSTRAINT \"PK_case_notices\" TO \"pk_case_notices\"");

            migrationBuilder.Sql("ALTER TABLE qadam.case_evidence RENAME CONSTRAINT \"PK_case_evidence\" TO \"pk_case_evidence\"");

            migrationBuilder.Sql("ALTER TABLE qadam.case_counters RENAME CONSTRAINT \"PK_case_counters\" TO \"pk_case_counters\"");

            migrationBuilder.Sql("ALTER TABLE qadam.audit_events RENAME CONSTRAINT \"PK_audit_events\" TO \"pk_audit_events\"");

            migrationBuilder.RenameColumn(
                name: "Iin",
                schema: "qadam",
                table: "users",
                newName: "iin");

            migrationBuilder.RenameColumn(
                name: "Email",
                schema: "qadam",
                table: "users",
                newName: "email");

            migrationBuilder.RenameColumn(
                name: "Id",
                schema: "qadam",
                table: "users",
                newName: "id");

            migrationBuilder.RenameColumn(
                name: "UserName",
                schema: "qadam",
                table: "users",
                newName: "user_name");

            migrationBuilder.RenameColumn(
                name: "TwoFactorEnabled",
                schema: "qadam",
                table: "users",
                newName: "two_factor_enabled");

            migrationBuilder.RenameColumn(
                name: "SecurityStamp",
                schema: "qadam",
                table: "users",
                newName: "security_stamp");

            migrationBuilder.RenameColumn(
                name: "PhoneNumberConfirmed",
                schema: "qadam",
                table: "users",
                newName: "phone_number_confirmed");

            migrationBuilder.RenameColumn(
                name: "PhoneNumber",
                schema: "qadam",
                table: "users",
                newName: "phone_number");

            migrationBuilder.RenameColumn(
                name: "PasswordHash",
                schema: "qadam",
                table: "users",
                newName: "password_hash");

            migrationBuilder.RenameColumn(
                name: "OrganisationId",
                schema: "qadam",
                table: "users",
                newName: "organisation_id");

            migrationBuilder.RenameColumn(
                name: "NormalizedUserName",
                schema: "qadam",
                table: "users",
                newName: "normalized_user_name");

            migrationBuilder.RenameColumn(
                name: "NormalizedEmail",
                schema: "qadam",
                table: "users",
                newName: "normalized_email");

            migrationBuilder.RenameColumn(
                name: "LockoutEnd",
                schema: "qadam",
                table: "users",
                newName: "lockout_end");

            migrationBuilder.RenameColumn(
                name: "LockoutEnabled",
                schema: "qadam",
                table: "users",
                newName: "lockout_enabled");

            migrationBuilder.RenameColumn(
                name: "EmailConfirmed",
                schema: "qadam",
                table: "users",
                newName: "email_confirmed");

            migrationBuilder.RenameColumn(
                name: "DisplayName",
                schema: "qadam",
                table: "users",
                newName: "display_name");

            migrationBuilder.RenameColumn(
                name: "ConcurrencyStamp",
                schema: "qadam",
                table: "users",
                newName: "concurrency_stamp");

            migrationBuilder.RenameColumn(
                name: "AccessFailedCount",
                schema: "qadam",
                table: "users",
                newName: "access_failed_count");

            migrationBuilder.RenameIndex(
                name: "IX_users_Iin",
                schema: "qadam",
                table: "users",
                newName: "ix_users_iin");

            migrationBuilder.RenameIndex(
                name: "IX_users_OrganisationId",
                schema: "qadam",
                table: "users",
                newName: "ix_users_organisation_id");

            migrationBuilder.RenameColumn(
                name: "Value",
                schema: "qadam",
                table: "user_tokens",
                newName: "value");

            migrationBuilder.RenameColumn(
                name: "Name",
                schema: "qadam",
                table: "user_tokens",
                newName: "name");

            migrationBuilder.RenameColumn(
                name: "LoginProvider",
                schema: "qadam",
                table: "user_tokens",
                newName: "login_provider");

            migrationBuilder.RenameColumn(
                name: "UserId",
                schema: "qadam",
                table: "user_tokens",
                newName: "user_id");

            migrationBuilder.RenameColumn(
                name: "RoleId",
                schema: "qadam",
                table: "user_roles",
                newName: "role_id");

            migrationBuilder.RenameColumn(
                name: "UserId",
                schema: "qadam",
                table: "user_roles",
                newName: "user_id");

            migrationBuilder.RenameIndex(
                name: "IX_user_roles_RoleId",
                schema: "qadam",
                table: "user_roles",
                newName: "ix_user_roles_role_id");

            migrationBuilder.RenameColumn(
                name: "UserId",
                schema: "qadam",
                table: "user_logins",
                newName: "user_id");

            migrationBuilder.RenameColumn(
                name: "ProviderDisplayName",
                schema: "qadam",
                table: "user_logins",
                newName: "provider_display_name");

            migrationBuilder.RenameColumn(
                name: "ProviderKey",
                schema: "qadam",
                table: "user_logins",
                newName: "provider_key");

            migrationBuilder.RenameColumn(
                name: "LoginProvider",
                schema: "qadam",
                table: "user_logins",
                newName: "login_provider");

            migrationBuilder.RenameIndex(
                name: "IX_user_logins_UserId",
                schema: "qadam",
                table: "user_logins",
                newName: "ix_user_logins_user_id");

            migrationBuilder.RenameColumn(
                name: "Id",
                schema: "qadam",
                table: "user_claims",
                newName: "id");

            migrationBuilder.RenameColumn(
                name: "UserId",
                schema: "qadam",
                table: "user_claims",
                newName: "user_id");

            migrationBuilder.RenameColumn(
                name: "ClaimValue",
                schema: "qadam",
                table: "user_claims",
                newName: "claim_value");

            migrationBuilder.RenameColumn(
                name: "ClaimType",
                schema: "qadam",
                table: "user_claims",
                newName: "claim_type");

            migrationBuilder.RenameIndex(
                name: "IX_user_claims_UserId",
                schema: "qadam",
                table: "user_claims",
                newName: "ix_user_claims_user_id");

            migrationBuilder.RenameColumn(
                name: "Year",
                schema: "qadam",
                table: "university_study_plans",
                newName: "year");

            migrationBuilder.RenameColumn(
                name: "Disciplines",
                schema: "qadam",
                table: "university_study_plans",
                newName: "disciplines");

            migrationBuilder.RenameColumn(
                name: "Credits",
                schema: "qadam",
                table: "university_study_plans",
                newName: "credits");

            migrationBuilder.RenameColumn(
                name: "ProgrammeId",
                schema: "qadam",
                table: "university_study_plans",
                newName: "programme_id");

            migrationBuilder.RenameColumn(
                name: "MobilityCredits",
                schema: "qadam",
                table: "university_study_plans",
                newName: "mobility_credits");

            migrationBuilder.RenameColumn(
                name: "StudentId",
                schema: "qadam",
                table: "university_study_plans",
                newName: "student_id");

            migrationBuilder.RenameIndex(
                name: "IX_university_study_plans_ProgrammeId",
                schema: "qadam",
                table: "university_study_plans",
                newName: "ix_university_study_plans_programme_id");

            migrationBuilder.RenameColumn(
                name: "Level",
                schema: "qadam",
                table: "university_programmes",
                newName: "level");

            migrationBuilder.RenameColumn(
                name: "Kind",
                schema: "qadam",
                table: "university_programmes",
                newName: "kind");

            migrationBuilder.RenameColumn(
                name: "Field",
                schema: "qadam",
                table: "university_programmes",
                newName: "field");

            migrationBuilder.RenameColumn(
                name: "Code",
                schema: "qadam",
                table: "university_programmes",
                newName: "code");

            migrationBuilder.RenameColumn(
                name: "Id",
                schema: "qadam",
                table: "university_programmes",
                newName: "id");

            migrationBuilder.RenameColumn(
                name: "UniversityId",
                schema: "qadam",
                table: "university_programmes",
                newName: "university_id");

            migrationBuilder.RenameColumn(
                name: "NameRu",
                schema: "qadam",
                table: "university_programmes",
                newName: "name_ru");

            migrationBuilder.RenameColumn(
                name: "NameKk",
                schema: "qadam",
                table: "university_programmes",
                newName: "name_kk");

            migrationBuilder.RenameColumn(
                name: "FacultyId",
                schema: "qadam",
                table: "university_programmes",
                newName: "faculty_id");

            migrationBuilder.RenameIndex(
                name: "IX_university_programmes_UniversityId_Code",
                schema: "qadam",
                table: "university_programmes",
                newName: "ix_university_programmes_university_id_code");

            migrationBuilder.RenameIndex(
                name: "IX_university_programmes_FacultyId",
                schema: "qadam",
                table: "university_programmes",
                newName: "ix_university_programmes_faculty_id");

            migrationBuilder.RenameColumn(
                name: "Number",
                schema: "qadam",
                table: "university_emergencies",
                newName: "number");

            migrationBuilder.RenameColumn(
                name: "Id",
                schema: "qadam",
                table: "university_emergencies",
                newName: "id");

            migrationBuilder.RenameColumn(
                name: "UniversityId",
                schema: "qadam",
                table: "university_emergencies",
                newName: "university_id");

            migrationBuilder.RenameColumn(
                name: "RegisteredAt",
                schema: "qadam",
                table: "university_emergencies",
                newName: "registered_at");

            migrationBuilder.RenameColumn(
                name: "ProcessInstanceId",
                schema: "qadam",
                table: "university_emergencies",
                newName: "process_instance_id");

            migrationBuilder.RenameColumn(
                name: "PeriodTo",
                schema: "qadam",
                table: "university_emergencies",
                newName: "period_to");

            migrationBuilder.RenameColumn(
                name: "PeriodFrom",
                schema: "qadam",
                table: "university_emergencies",
                newName: "period_from");

            migrationBuilder.RenameColumn(
                name: "OrderDate",
                schema: "qadam",
                table: "university_emergencies",
                newName: "order_date");

            migrationBuilder.RenameColumn(
                name: "IssuerCode",
                schema: "qadam",
                table: "university_emergencies",
                newName: "issuer_code");

            migrationBuilder.RenameIndex(
                name: "IX_university_emergencies_UniversityId_PeriodTo",
                schema: "qadam",
                table: "university_emergencies",
                newName: "ix_university_emergencies_university_id_period_to");

            migrationBuilder.RenameIndex(
                name: "IX_university_emergencies_UniversityId_IssuerCode_Number",
                schema: "qadam",
                table: "university_emergencies",
                newName: "ix_university_emergencies_university_id_issuer_code_number");

            migrationBuilder.RenameColumn(
                name: "Programme",
                schema: "qadam",
                table: "tvet_distance_ledger",
                newName: "programme");

            migrationBuilder.RenameColumn(
                name: "Id",
                schema: "qadam",
                table: "tvet_distance_ledger",
                newName: "id");

            migrationBuilder.RenameColumn(
                name: "TotalHours",
                schema: "qadam",
                table: "tvet_distance_ledger",
                newName: "total_hours");

            migrationBuilder.RenameColumn(
                name: "StudentId",
                schema: "qadam",
                table: "tvet_distance_ledger",
                newName: "student_id");

            migrationBuilder.RenameColumn(
                name: "RecordedAt",
                schema: "qadam",
                table: "tvet_distance_ledger",
                newName: "recorded_at");

            migrationBuilder.RenameColumn(
                name: "OrganisationId",
                schema: "qadam",
                table: "tvet_distance_ledger",
                newName: "organisation_id");

            migrationBuilder.RenameColumn(
                name: "DistanceHours",
                schema: "qadam",
                table: "tvet_distance_ledger",
                newName: "distance_hours");

            migrationBuilder.RenameColumn(
                name: "DefinitionVersion",
                schema: "qadam",
                table: "tvet_distance_ledger",
                newName: "definition_version");

            migrationBuilder.RenameColumn(
                name: "DefinitionKey",
                schema: "qadam",
                table: "tvet_distance_ledger",
                newName: "definition_key");

            migrationBuilder.RenameColumn(
                name: "DecidedOn",
                schema: "qadam",
                table: "tvet_distance_ledger",
                newName: "decided_on");

            migrationBuilder.RenameColumn(
                name: "CaseNumber",
                schema: "qadam",
                table: "tvet_distance_ledger",
                newName: "case_number");

            migrationBuilder.RenameColumn(
                name: "CaseId",
                schema: "qadam",
                table: "tvet_distance_ledger",
                newName: "case_id");

            migrationBuilder.RenameIndex(
                name: "IX_tvet_distance_ledger_StudentId_Programme",
                schema: "qadam",
                table: "tvet_distance_ledger",
                newName: "ix_tvet_distance_ledger_student_id_programme");

            migrationBuilder.RenameIndex(
                name: "IX_tvet_distance_ledger_CaseId",
                schema: "qadam",
                table: "tvet_distance_ledger",
                newName: "ix_tvet_distance_ledger_case_id");

            migrationBuilder.RenameColumn(
                name: "Shift",
                schema: "qadam",
                table: "students",
                newName: "shift");

            migrationBuilder.RenameColumn(
                name: "Level",
                schema: "qadam",
                table: "students",
                newName: "level");

            migrationBuilder.RenameColumn(
                name: "Iin",
                schema: "qadam",
                table: "students",
                newName: "iin");

            migrationBuilder.RenameColumn(
                name: "Id",
                schema: "qadam",
                table: "students",
                newName: "id");

            migrationBuilder.RenameColumn(
                name: "UpdatedAt",
                schema: "qadam",
                table: "students",
                newName: "updated_at");

            migrationBuilder.RenameColumn(
                name: "ParentPhone",
                schema: "qadam",
                table: "students",
                newName: "parent_phone");

            migrationBuilder.RenameColumn(
                name: "ParentName",
                schema: "qadam",
                table: "students",
                newName: "parent_name");

            migrationBuilder.RenameColumn(
                name: "ParentIin",
                schema: "qadam",
                table: "students",
                newName: "parent_iin");

            migrationBuilder.RenameColumn(
                name: "OrganisationId",
                schema: "qadam",
                table: "students",
                newName: "organisation_id");

            migrationBuilder.RenameColumn(
                name: "FullName",
                schema: "qadam",
                table: "students",
                newName: "full_name");

            migrationBuilder.RenameColumn(
                name: "ClassName",
                schema: "qadam",
                table: "students",
                newName: "class_name");

            migrationBuilder.RenameColumn(
                name: "BirthDate",
                schema: "qadam",
                table: "students",
                newName: "birth_date");

            migrationBuilder.RenameIndex(
                name: "IX_students_Iin",
                schema: "qadam",
                table: "students",
                newName: "ix_students_iin");

            migrationBuilder.RenameIndex(
                name: "IX_students_ParentIin",
                schema: "qadam",
                table: "students",
                newName: "ix_students_parent_iin");

            migrationBuilder.RenameIndex(
                name: "IX_students_OrganisationId_ClassName",
                schema: "qadam",
                table: "students",
                newName: "ix_students_organisation_id_class_name");

            migrationBuilder.RenameColumn(
                name: "At",
                schema: "qadam",
                table: "student_transfers",
                newName: "at");

            migrationBuilder.RenameColumn(
                name: "OrganisationId",
                schema: "qadam",
                table: "student_transfers",
                newName: "organisation_id");

            migrationBuilder.RenameColumn(
                name: "StudentId",
                schema: "qadam",
                table: "student_transfers",
                newName: "student_id");

            migrationBuilder.RenameColumn(
                name: "TransferId",
                schema: "qadam",
                table: "student_transfers",
                newName: "transfer_id");

            migrationBuilder.RenameColumn(
                name: "Name",
                schema: "qadam",
                table: "roles",
                newName: "name");

            migrationBuilder.RenameColumn(
                name: "Id",
                schema: "qadam",
                table: "roles",
                newName: "id");

            migrationBuilder.RenameColumn(
                name: "NormalizedName",
                schema: "qadam",
                table: "roles",
                newName: "normalized_name");

            migrationBuilder.RenameColumn(
                name: "ConcurrencyStamp",
                schema: "qadam",
                table: "roles",
                newName: "concurrency_stamp");

            migrationBuilder.RenameColumn(
                name: "Id",
                schema: "qadam",
                table: "role_claims",
                newName: "id");

            migrationBuilder.RenameColumn(
                name: "RoleId",
                schema: "qadam",
                table: "role_claims",
                newName: "role_id");

            migrationBuilder.RenameColumn(
                name: "ClaimValue",
                schema: "qadam",
                table: "role_claims",
                newName: "claim_value");

            migrationBuilder.RenameColumn(
                name: "ClaimType",
                schema: "qadam",
                table: "role_claims",
                newName: "claim_type");

            migrationBuilder.RenameIndex(
                name: "IX_role_claims_RoleId",
                schema: "qadam",
                table: "role_claims",
                newName: "ix_role_claims_role_id");

            migrationBuilder.RenameColumn(
                name: "Revision",
                schema: "qadam",
                table: "readiness_records",
                newName: "revision");

            migrationBuilder.RenameColumn(
                name: "Id",
                schema: "qadam",
                table: "readiness_records",
                newName: "id");

            migrationBuilder.RenameColumn(
                name: "ValidUntil",
                schema: "qadam",
                table: "readiness_records",
                newName: "valid_until");

            migrationBuilder.RenameColumn(
                name: "OrganisationId",
                schema: "qadam",
                table: "readiness_records",
                newName: "organisation_id");

            migrationBuilder.RenameColumn(
                name: "ItemsJson",
                schema: "qadam",
                table: "readiness_records",
                newName: "items_json");

            migrationBuilder.RenameColumn(
                name: "EditionId",
                schema: "qadam",
                table: "readiness_records",
                newName: "edition_id");

            migrationBuilder.RenameColumn(
                name: "CreatedAt",
                schema: "qadam",
                table: "readiness_records",
                newName: "created_at");

            migrationBuilder.RenameColumn(
                name: "AttestedByName",
                schema: "qadam",
                table: "readiness_records",
                newName: "attested_by_name");

            migrationBuilder.RenameColumn(
                name: "AttestedBy",
                schema: "qadam",
                table: "readiness_records",
                newName: "attested_by");

            migrationBuilder.RenameColumn(
                name: "AttestedAt",
                schema: "qadam",
                table: "readiness_records",
                newName: "attested_at");

            migrationBuilder.RenameIndex(
                name: "IX_readiness_records_OrganisationId_EditionId",
                schema: "qadam",
                table: "readiness_records",
                newName: "ix_readiness_records_organisation_id_edition_id");

            migrationBuilder.RenameIndex(
                name: "IX_readiness_records_EditionId",
                schema: "qadam",
                table: "readiness_records",
                newName: "ix_readiness_records_edition_id");

            migrationBuilder.RenameColumn(
                name: "Version",
                schema: "qadam",
                table: "readiness_editions",
                newName: "version");

            migrationBuilder.RenameColumn(
                name: "Paragraph",
                schema: "qadam",
                table: "readiness_editions",
                newName: "paragraph");

            migrationBuilder.RenameColumn(
                name: "Act",
                schema: "qadam",
                table: "readiness_editions",
                newName: "act");

            migrationBuilder.RenameColumn(
                name: "Id",
                schema: "qadam",
                table: "readiness_editions",
                newName: "id");

            migrationBuilder.RenameColumn(
                name: "TitleRu",
                schema: "qadam",
                table: "readiness_editions",
                newName: "title_ru");

            migrationBuilder.RenameColumn(
                name: "TitleKk",
                schema: "qadam",
                table: "readiness_editions",
                newName: "title_kk");

            migrationBuilder.RenameColumn(
                name: "PublishedBy",
                schema: "qadam",
                table: "readiness_editions",
                newName: "published_by");

            migrationBuilder.RenameColumn(
                name: "PublishedAt",
                schema: "qadam",
                table: "readiness_editions",
                newName: "published_at");

            migrationBuilder.RenameColumn(
                name: "ParagraphKk",
                schema: "qadam",
                table: "readiness_editions",
                newName: "paragraph_kk");

            migrationBuilder.RenameColumn(
                name: "ItemsJson",
                schema: "qadam",
                table: "readiness_editions",
                newName: "items_json");

            migrationBuilder.RenameColumn(
                name: "EffectiveFrom",
                schema: "qadam",
                table: "readiness_editions",
                newName: "effective_from");

            migrationBuilder.RenameColumn(
                name: "EditionLabel",
                schema: "qadam",
                table: "readiness_editions",
                newName: "edition_label");

            migrationBuilder.RenameColumn(
                name: "ContentSha256",
                schema: "qadam",
                table: "readiness_editions",
                newName: "content_sha256");

            migrationBuilder.RenameColumn(
                name: "ActKk",
                schema: "qadam",
                table: "readiness_editions",
                newName: "act_kk");

            migrationBuilder.RenameIndex(
                name: "IX_readiness_editions_Version",
                schema: "qadam",
                table: "readiness_editions",
                newName: "ix_readiness_editions_version");

            migrationBuilder.RenameIndex(
                name: "IX_readiness_editions_EffectiveFrom",
                schema: "qadam",
                table: "readiness_editions",
                newName: "ix_readiness_editions_effective_from");

            migrationBuilder.RenameColumn(
                name: "ParentIin",
                schema: "qadam",
                table: "parent_notifications",
                newName: "parent_iin");

            migrationBuilder.RenameColumn(
                name: "CreatedAt",
                schema: "qadam",
                table: "parent_notifications",
                newName: "created_at");

            migrationBuilder.RenameColumn(
                name: "StudentId",
                schema: "qadam",
                table: "parent_notifications",
                newName: "student_id");

            migrationBuilder.RenameColumn(
                name: "TransferId",
                schema: "qadam",
                table: "parent_notifications",
                newName: "transfer_id");

            migrationBuilder.RenameIndex(
                name: "IX_parent_notifications_StudentId",
                schema: "qadam",
                table: "parent_notifications",
                newName: "ix_parent_notifications_student_id");

            migrationBuilder.RenameColumn(
                name: "LinkedAt",
                schema: "qadam",
                table: "parent_links",
                newName: "linked_at");

            migrationBuilder.RenameColumn(
                name: "StudentId",
                schema: "qadam",
                table: "parent_links",
                newName: "student_id");

            migrationBuilder.RenameColumn(
                name: "ParentUserId",
                schema: "qadam",
                table: "parent_links",
                newName: "parent_user_id");

            migrationBuilder.RenameIndex(
                name: "IX_parent_links_StudentId",
                schema: "qadam",
                table: "parent_links",
                newName: "ix_parent_links_student_id");

            migrationBuilder.RenameColumn(
                name: "Programmes",
                schema: "qadam",
                table: "organisations",
                newName: "programmes");

            migrationBuilder.RenameColumn(
                name: "Kind",
                schema: "qadam",
                table: "organisations",
                newName: "kind");

            migrationBuilder.RenameColumn(
                name: "Code",
                schema: "qadam",
                table: "organisations",
                newName: "code");

            migrationBuilder.RenameColumn(
                name: "Bin",
                schema: "qadam",
                table: "organisations",
                newName: "bin");

            migrationBuilder.RenameColumn(
                name: "Id",
                schema: "qadam",
                table: "organisations",
                newName: "id");

            migrationBuilder.RenameColumn(
                name: "ParentId",
                schema: "qadam",
                table: "organisations",
                newName: "parent_id");

            migrationBuilder.RenameColumn(
                name: "NameRu",
                schema: "qadam",
                table: "organisations",
                newName: "name_ru");

            migrationBuilder.RenameColumn(
                name: "NameKk",
                schema: "qadam",
                table: "organisations",
                newName: "name_kk");

            migrationBuilder.RenameIndex(
                name: "IX_organisations_Code",
                schema: "qadam",
                table: "organisations",
                newName: "ix_organisations_code");

            migrationBuilder.RenameIndex(
                name: "IX_organisations_Bin",
                schema: "qadam",
                table: "organisations",
                newName: "ix_organisations_bin");

            migrationBuilder.RenameIndex(
                name: "IX_organisations_ParentId",
                schema: "qadam",
                table: "organisations",
                newName: "ix_organisations_parent_id");

            migrationBuilder.RenameColumn(
                name: "Type",
                schema: "qadam",
                table: "oidc_tokens",
                newName: "type");

            migrationBuilder.RenameColumn(
                name: "Subject",
                schema: "qadam",
                table: "oidc_tokens",
                newName: "subject");

            migrationBuilder.RenameColumn(
                name: "Status",
                schema: "qadam",
                table: "oidc_tokens",
                newName: "status");

            migrationBuilder.RenameColumn(
                name: "Properties",
                schema: "qadam",
                table: "oidc_tokens",
                newName: "properties");

            migrationBuilder.RenameColumn(
                name: "Payload",
                schema: "qadam",
                table: "oidc_tokens",
                newName: "payload");

            migrationBuilder.RenameColumn(
                name: "Id",
                schema: "qadam",
                table: "oidc_tokens",
                newName: "id");

            migrationBuilder.RenameColumn(
                name: "ReferenceId",
                schema: "qadam",
                table: "oidc_tokens",
                newName: "reference_id");

            migrationBuilder.RenameColumn(
                name: "RedemptionDate",
                schema: "qadam",
                table: "oidc_tokens",
                newName: "redemption_date");

            migrationBuilder.RenameColumn(
                name: "ExpirationDate",
                schema: "qadam",
                table: "oidc_tokens",
                newName: "expiration_date");

            migrationBuilder.RenameColumn(
                name: "CreationDate",
                schema: "qadam",
                table: "oidc_tokens",
                newName: "creation_date");

            migrationBuilder.RenameColumn(
                name: "ConcurrencyToken",
                schema: "qadam",
                table: "oidc_tokens",
                newName: "concurrency_token");

            migrationBuilder.RenameColumn(
                name: "AuthorizationId",
                schema: "qadam",
                table: "oidc_tokens",
                newName: "authorization_id");

            migrationBuilder.RenameColumn(
                name: "ApplicationId",
                schema: "qadam",
                table: "oidc_tokens",
                newName: "application_id");

            migrationBuilder.RenameIndex(
                name: "IX_oidc_tokens_ReferenceId",
                schema: "qadam",
                table: "oidc_tokens",
                newName: "ix_oidc_tokens_reference_id");

            migrationBuilder.RenameIndex(
                name: "IX_oidc_tokens_AuthorizationId",
                schema: "qadam",
                table: "oidc_tokens",
                newName: "ix_oidc_tokens_authorization_id");

            migrationBuilder.RenameIndex(
                name: "IX_oidc_tokens_ApplicationId_Status_Subject_Type",
                schema: "qadam",
                table: "oidc_tokens",
                newName: "ix_oidc_tokens_application_id_status_subject_type");

            migrationBuilder.RenameColumn(
                name: "Resources",
                schema: "qadam",
                table: "oidc_scopes",
                newName: "resources");

            migrationBuilder.RenameColumn(
                name: "Properties",
                schema: "qadam",
                table: "oidc_scopes",
                newName: "properties");

            migrationBuilder.RenameColumn(
                name: "Name",
                schema: "qadam",
                table: "oidc_scopes",
                newName: "name");

            migrationBuilder.RenameColumn(
                name: "Descriptions",
                schema: "qadam",
                table: "oidc_scopes",
                newName: "descriptions");

            migrationBuilder.RenameColumn(
                name: "Description",
                schema: "qadam",
                table: "oidc_scopes",
                newName: "description");

            migrationBuilder.RenameColumn(
                name: "Id",
                schema: "qadam",
                table: "oidc_scopes",
                newName: "id");

            migrationBuilder.RenameColumn(
                name: "DisplayNames",
                schema: "qadam",
                table: "oidc_scopes",
                newName: "display_names");

            migrationBuilder.RenameColumn(
                name: "DisplayName",
                schema: "qadam",
                table: "oidc_scopes",
                newName: "display_name");

            migrationBuilder.RenameColumn(
                name: "ConcurrencyToken",
                schema: "qadam",
                table: "oidc_scopes",
                newName: "concurrency_token");

            migrationBuilder.RenameIndex(
                name: "IX_oidc_scopes_Name",
                schema: "qadam",
                table: "oidc_scopes",
                newName: "ix_oidc_scopes_name");

            migrationBuilder.RenameColumn(
                name: "Type",
                schema: "qadam",
                table: "oidc_authorizations",
                newName: "type");

            migrationBuilder.RenameColumn(
                name: "Subject",
                schema: "qadam",
                table: "oidc_authorizations",
                newName: "subject");

            migrationBuilder.RenameColumn(
                name: "Status",
                schema: "qadam",
                table: "oidc_authorizations",
                newName: "status");

            migrationBuilder.RenameColumn(
                name: "Scopes",
                schema: "qadam",
                table: "oidc_authorizations",
                newName: "scopes");

            migrationBuilder.RenameColumn(
                name: "Properties",
                schema: "qadam",
                table: "oidc_authorizations",
                newName: "properties");

            migrationBuilder.RenameColumn(
                name: "Id",
                schema: "qadam",
                table: "oidc_authorizations",
                newName: "id");

            migrationBuilder.RenameColumn(
                name: "CreationDate",
                schema: "qadam",
                table: "oidc_authorizations",
                newName: "creation_date");

            migrationBuilder.RenameColumn(
                name: "ConcurrencyToken",
                schema: "qadam",
                table: "oidc_authorizations",
                newName: "concurrency_token");

            migrationBuilder.RenameColumn(
                name: "ApplicationId",
                schema: "qadam",
                table: "oidc_authorizations",
                newName: "application_id");

            migrationBuilder.RenameIndex(
                name: "IX_oidc_authorizations_ApplicationId_Status_Subject_Type",
                schema: "qadam",
                table: "oidc_authorizations",
                newName: "ix_oidc_authorizations_application_id_status_subject_type");

            migrationBuilder.RenameColumn(
                name: "Settings",
                schema: "qadam",
                table: "oidc_applications",
                newName: "settings");

            migrationBuilder.RenameColumn(
                name: "Requirements",
                schema: "qadam",
                table: "oidc_applications",
                newName: "requirements");

            migrationBuilder.RenameColumn(
                name: "Properties",
                schema: "qadam",
                table: "oidc_applications",
                newName: "properties");

            migrationBuilder.RenameColumn(
                name: "Permissions",
                schema: "qadam",
                table: "oidc_applications",
                newName: "permissions");

            migrationBuilder.RenameColumn(
                name: "Id",
                schema: "qadam",
                table: "oidc_applications",
                newName: "id");

            migrationBuilder.RenameColumn(
                name: "RedirectUris",
                schema: "qadam",
                table: "oidc_applications",
                newName: "redirect_uris");

            migrationBuilder.RenameColumn(
                name: "PostLogoutRedirectUris",
                schema: "qadam",
                table: "oidc_applications",
                newName: "post_logout_redirect_uris");

            migrationBuilder.RenameColumn(
                name: "JsonWebKeySet",
                schema: "qadam",
                table: "oidc_applications",
                newName: "json_web_key_set");

            migrationBuilder.RenameColumn(
                name: "DisplayNames",
                schema: "qadam",
                table: "oidc_applications",
                newName: "display_names");

            migrationBuilder.RenameColumn(
                name: "DisplayName",
                schema: "qadam",
                table: "oidc_applications",
                newName: "display_name");

            migrationBuilder.RenameColumn(
                name: "ConsentType",
                schema: "qadam",
                table: "oidc_applications",
                newName: "consent_type");

            migrationBuilder.RenameColumn(
                name: "ConcurrencyToken",
                schema: "qadam",
                table: "oidc_applications",
                newName: "concurrency_token");

            migrationBuilder.RenameColumn(
                name: "ClientType",
                schema: "qadam",
                table: "oidc_applications",
                newName: "client_type");

            migrationBuilder.RenameColumn(
                name: "ClientSecret",
                schema: "qadam",
                table: "oidc_applications",
                newName: "client_secret");

            migrationBuilder.RenameColumn(
                name: "ClientId",
                schema: "qadam",
                table: "oidc_applications",
                newName: "client_id");

            migrationBuilder.RenameColumn(
                name: "ApplicationType",
                schema: "qadam",
                table: "oidc_applications",
                newName: "application_type");

            migrationBuilder.RenameIndex(
                name: "IX_oidc_applications_ClientId",
                schema: "qadam",
                table: "oidc_applications",
                newName: "ix_oidc_applications_client_id");

            migrationBuilder.RenameColumn(
                name: "Total",
                schema: "qadam",
                table: "mass_transfers",
                newName: "total");

            migrationBuilder.RenameColumn(
                name: "Status",
                schema: "qadam",
                table: "mass_transfers",
                newName: "status");

            migrationBuilder.RenameColumn(
                name: "Done",
                schema: "qadam",
                table: "mass_transfers",
                newName: "done");

            migrationBuilder.RenameColumn(
                name: "Direction",
                schema: "qadam",
                table: "mass_transfers",
                newName: "direction");

            migrationBuilder.RenameColumn(
                name: "Id",
                schema: "qadam",
                table: "mass_transfers",
                newName: "id");

            migrationBuilder.RenameColumn(
                name: "StartedAt",
                schema: "qadam",
                table: "mass_transfers",
                newName: "started_at");

            migrationBuilder.RenameColumn(
                name: "PeriodTo",
                schema: "qadam",
                table: "mass_transfers",
                newName: "period_to");

            migrationBuilder.RenameColumn(
                name: "PeriodFrom",
                schema: "qadam",
                table: "mass_transfers",
                newName: "period_from");

            migrationBuilder.RenameColumn(
                name: "OrderId",
                schema: "qadam",
                table: "mass_transfers",
                newName: "order_id");

            migrationBuilder.RenameColumn(
                name: "InstanceId",
                schema: "qadam",
                table: "mass_transfers",
                newName: "instance_id");

            migrationBuilder.RenameColumn(
                name: "FinishedAt",
                schema: "qadam",
                table: "mass_transfers",
                newName: "finished_at");

            migrationBuilder.RenameColumn(
                name: "ElementId",
                schema: "qadam",
                table: "mass_transfers",
                newName: "element_id");

            migrationBuilder.RenameColumn(
                name: "DefinitionVersion",
                schema: "qadam",
                table: "mass_transfers",
                newName: "definition_version");

            migrationBuilder.RenameColumn(
                name: "DefinitionKey",
                schema: "qadam",
                table: "mass_transfers",
                newName: "definition_key");

            migrationBuilder.RenameIndex(
                name: "IX_mass_transfers_OrderId",
                schema: "qadam",
                table: "mass_transfers",
                newName: "ix_mass_transfers_order_id");

            migrationBuilder.RenameIndex(
                name: "IX_mass_transfers_InstanceId_ElementId",
                schema: "qadam",
                table: "mass_transfers",
                newName: "ix_mass_transfers_instance_id_element_id");

            migrationBuilder.RenameColumn(
                name: "Total",
                schema: "qadam",
                table: "mass_transfer_schools",
                newName: "total");

            migrationBuilder.RenameColumn(
                name: "Status",
                schema: "qadam",
                table: "mass_transfer_schools",
                newName: "status");

            migrationBuilder.RenameColumn(
                name: "Done",
                schema: "qadam",
                table: "mass_transfer_schools",
                newName: "done");

            migrationBuilder.RenameColumn(
                name: "FinishedAt",
                schema: "qadam",
                table: "mass_transfer_schools",
                newName: "finished_at");

            migrationBuilder.RenameColumn(
                name: "ExclusionReasonRu",
                schema: "qadam",
                table: "mass_transfer_schools",
                newName: "exclusion_reason_ru");

            migrationBuilder.RenameColumn(
                name: "ExclusionReasonKk",
                schema: "qadam",
                table: "mass_transfer_schools",
                newName: "exclusion_reason_kk");

            migrationBuilder.RenameColumn(
                name: "ExclusionLegalBasis",
                schema: "qadam",
                table: "mass_transfer_schools",
                newName: "exclusion_legal_basis");

            migrationBuilder.RenameColumn(
                name: "OrganisationId",
                schema: "qadam",
                table: "mass_transfer_schools",
                newName: "organisation_id");

            migrationBuilder.RenameColumn(
                name: "TransferId",
                schema: "qadam",
                table: "mass_transfer_schools",
                newName: "transfer_id");

            migrationBuilder.RenameIndex(
                name: "IX_mass_transfer_schools_OrganisationId",
                schema: "qadam",
                table: "mass_transfer_schools",
                newName: "ix_mass_transfer_schools_organisation_id");

            migrationBuilder.RenameColumn(
                name: "Fingerprint",
                schema: "qadam",
                table: "idempotency_keys",
                newName: "fingerprint");

            migrationBuilder.RenameColumn(
                name: "Key",
                schema: "qadam",
                table: "idempotency_keys",
                newName: "key");

            migrationBuilder.RenameColumn(
                name: "Target",
                schema: "qadam",
                table: "idempotency_keys",
                newName: "target");

            migrationBuilder.RenameColumn(
                name: "Subject",
                schema: "qadam",
                table: "idempotency_keys",
                newName: "subject");

            migrationBuilder.RenameColumn(
                name: "CreatedAt",
                schema: "qadam",
                table: "idempotency_keys",
                newName: "created_at");

            migrationBuilder.RenameColumn(
                name: "Territory",
                schema: "qadam",
                table: "emergency_orders",
                newName: "territory");

            migrationBuilder.RenameColumn(
                name: "Organisations",
                schema: "qadam",
                table: "emergency_orders",
                newName: "organisations");

            migrationBuilder.RenameColumn(
                name: "Number",
                schema: "qadam",
                table: "emergency_orders",
                newName: "number");

            migrationBuilder.RenameColumn(
                name: "Ground",
                schema: "qadam",
                table: "emergency_orders",
                newName: "ground");

            migrationBuilder.RenameColumn(
                name: "Date",
                schema: "qadam",
                table: "emergency_orders",
                newName: "date");

            migrationBuilder.RenameColumn(
                name: "Classes",
                schema: "qadam",
                table: "emergency_orders",
                newName: "classes");

            migrationBuilder.RenameColumn(
                name: "Id",
                schema: "qadam",
                table: "emergency_orders",
                newName: "id");

            migrationBuilder.RenameColumn(
                name: "ProcessInstanceId",
                schema: "qadam",
                table: "emergency_orders",
                newName: "process_instance_id");

            migrationBuilder.RenameColumn(
                name: "PostedBy",
                schema: "qadam",
                table: "emergency_orders",
                newName: "posted_by");

            migrationBuilder.RenameColumn(
                name: "PostedAt",
                schema: "qadam",
                table: "emergency_orders",
                newName: "posted_at");

            migrationBuilder.RenameColumn(
                name: "PeriodTo",
                schema: "qadam",
                table: "emergency_orders",
                newName: "period_to");

            migrationBuilder.RenameColumn(
                name: "PeriodFrom",
                schema: "qadam",
                table: "emergency_orders",
                newName: "period_from");

            migrationBuilder.RenameColumn(
                name: "PathwayKey",
                schema: "qadam",
                table: "emergency_orders",
                newName: "pathway_key");

            migrationBuilder.RenameColumn(
                name: "IssuingBody",
                schema: "qadam",
                table: "emergency_orders",
                newName: "issuing_body");

            migrationBuilder.RenameColumn(
                name: "IssuerNameRu",
                schema: "qadam",
                table: "emergency_orders",
                newName: "issuer_name_ru");

            migrationBuilder.RenameColumn(
                name: "IssuerNameKk",
                schema: "qadam",
                table: "emergency_orders",
                newName: "issuer_name_kk");

            migrationBuilder.RenameColumn(
                name: "DefinitionVersion",
                schema: "qadam",
                table: "emergency_orders",
                newName: "definition_version");

            migrationBuilder.RenameIndex(
                name: "IX_emergency_orders_IssuingBody_Number",
                schema: "qadam",
                table: "emergency_orders",
                newName: "ix_emergency_orders_issuing_body_number");

            migrationBuilder.RenameColumn(
                name: "Pdf",
                schema: "qadam",
                table: "document_pdf_renditions",
                newName: "pdf");

            migrationBuilder.RenameColumn(
                name: "SourceSha256",
                schema: "qadam",
                table: "document_pdf_renditions",
                newName: "source_sha256");

            migrationBuilder.RenameColumn(
                name: "RenderedAt",
                schema: "qadam",
                table: "document_pdf_renditions",
                newName: "rendered_at");

            migrationBuilder.RenameColumn(
                name: "DocumentId",
                schema: "qadam",
                table: "document_pdf_renditions",
                newName: "document_id");

            migrationBuilder.RenameColumn(
                name: "Year",
                schema: "qadam",
                table: "cases",
                newName: "year");

            migrationBuilder.RenameColumn(
                name: "Status",
                schema: "qadam",
                table: "cases",
                newName: "status");

            migrationBuilder.RenameColumn(
                name: "Sequence",
                schema: "qadam",
                table: "cases",
                newName: "sequence");

            migrationBuilder.RenameColumn(
                name: "Number",
                schema: "qadam",
                table: "cases",
                newName: "number");

            migrationBuilder.RenameColumn(
                name: "Language",
                schema: "qadam",
                table: "cases",
                newName: "language");

            migrationBuilder.RenameColumn(
                name: "Ground",
                schema: "qadam",
                table: "cases",
                newName: "ground");

            migrationBuilder.RenameColumn(
                name: "Data",
                schema: "qadam",
                table: "cases",
                newName: "data");

            migrationBuilder.RenameColumn(
                name: "Id",
                schema: "qadam",
                table: "cases",
                newName: "id");

            migrationBuilder.RenameColumn(
                name: "UpdatedAt",
                schema: "qadam",
                table: "cases",
                newName: "updated_at");

            migrationBuilder.RenameColumn(
                name: "StudentId",
                schema: "qadam",
                table: "cases",
                newName: "student_id");

            migrationBuilder.RenameColumn(
                name: "ProcessInstanceId",
                schema: "qadam",
                table: "cases",
                newName: "process_instance_id");

            migrationBuilder.RenameColumn(
                name: "PathwayKey",
                schema: "qadam",
                table: "cases",
                newName: "pathway_key");

            migrationBuilder.RenameColumn(
                name: "OrganisationId",
                schema: "qadam",
                table: "cases",
                newName: "organisation_id");

            migrationBuilder.RenameColumn(
                name: "IdempotencyKey",
                schema: "qadam",
                table: "cases",
                newName: "idempotency_key");

            migrationBuilder.RenameColumn(
                name: "FiledOn",
                schema: "qadam",
                table: "cases",
                newName: "filed_on");

            migrationBuilder.RenameColumn(
                name: "DefinitionVersion",
                schema: "qadam",
                table: "cases",
                newName: "definition_version");

            migrationBuilder.RenameColumn(
                name: "CreatedAt",
                schema: "qadam",
                table: "cases",
                newName: "created_at");

            migrationBuilder.RenameColumn(
                name: "ApplicantName",
                schema: "qadam",
                table: "cases",
                newName: "applicant_name");

            migrationBuilder.RenameColumn(
                name: "ApplicantId",
                schema: "qadam",
                table: "cases",
                newName: "applicant_id");

            migrationBuilder.RenameIndex(
                name: "IX_cases_Number",
                schema: "qadam",
                table: "cases",
                newName: "ix_cases_number");

            migrationBuilder.RenameIndex(
                name: "IX_cases_StudentId",
                schema: "qadam",
                table: "cases",
                newName: "ix_cases_student_id");

            migrationBuilder.RenameIndex(
                name: "IX_cases_ProcessInstanceId",
                schema: "qadam",
                table: "cases",
                newName: "ix_cases_process_instance_id");

            migrationBuilder.RenameIndex(
                name: "IX_cases_OrganisationId_Year_Sequence",
                schema: "qadam",
                table: "cases",
                newName: "ix_cases_organisation_id_year_sequence");

            migrationBuilder.RenameIndex(
                name: "IX_cases_OrganisationId_Status_FiledOn",
                schema: "qadam",
                table: "cases",
                newName: "ix_cases_organisation_id_status_filed_on");

            migrationBuilder.RenameColumn(
                name: "TextRu",
                schema: "qadam",
                table: "case_notices",
                newName: "text_ru");

            migrationBuilder.RenameColumn(
                name: "TextKk",
                schema: "qadam",
                table: "case_notices",
                newName: "text_kk");

            migrationBuilder.RenameColumn(
                name: "StudentId",
                schema: "qadam",
                table: "case_notices",
                newName: "student_id");

            migrationBuilder.RenameColumn(
                name: "LegalBasis",
                schema: "qadam",
                table: "case_notices",
                newName: "legal_basis");

            migrationBuilder.RenameColumn(
                name: "ElementId",
                schema: "qadam",
                table: "case_notices",
                newName: "element_id");

            migrationBuilder.RenameColumn(
                name: "CreatedAt",
                schema: "qadam",
                table: "case_notices",
                newName: "created_at");

            migrationBuilder.RenameColumn(
                name: "CaseId",
                schema: "qadam",
                table: "case_notices",
                newName: "case_id");

            migrationBuilder.RenameColumn(
                name: "MessageId",
                schema: "qadam",
                table: "case_notices",
                newName: "message_id");

            migrationBuilder.RenameIndex(
                name: "IX_case_notices_StudentId",
                schema: "qadam",
                table: "case_notices",
                newName: "ix_case_notices_student_id");

            migrationBuilder.RenameIndex(
                name: "IX_case_notices_CaseId",
                schema: "qadam",
                table: "case_notices",
                newName: "ix_case_notices_case_id");

            migrationBuilder.RenameColumn(
                name: "Sha256",
                schema: "qadam",
                table: "case_evidence",
                newName: "sha256");

            migrationBuilder.RenameColumn(
                name: "Length",
                schema: "qadam",
                table: "case_evidence",
                newName: "length");

            migrationBuilder.RenameColumn(
                name: "Content",
                schema: "qadam",
                table: "case_evidence",
                newName: "content");

            migrationBuilder.RenameColumn(
                name: "Id",
                schema: "qadam",
                table: "case_evidence",
                newName: "id");

            migrationBuilder.RenameColumn(
                name: "UploadedBy",
                schema: "qadam",
                table: "case_evidence",
                newName: "uploaded_by");

            migrationBuilder.RenameColumn(
                name: "UploadedAt",
                schema: "qadam",
                table: "case_evidence",
                newName: "uploaded_at");

            migrationBuilder.RenameColumn(
                name: "MediaType",
                schema: "qadam",
                table: "case_evidence",
                newName: "media_type");

            migrationBuilder.RenameColumn(
                name: "FileName",
                schema: "qadam",
                table: "case_evidence",
                newName: "file_name");

            migrationBuilder.RenameColumn(
                name: "CaseId",
                schema: "qadam",
                table: "case_evidence",
                newName: "case_id");

            migrationBuilder.RenameIndex(
                name: "IX_case_evidence_CaseId",
                schema: "qadam",
                table: "case_evidence",
                newName: "ix_case_evidence_case_id");

            migrationBuilder.RenameColumn(
                name: "Year",
                schema: "qadam",
                table: "case_counters",
                newName: "year");

            migrationBuilder.RenameColumn(
                name: "LastSequence",
                schema: "qadam",
                table: "case_counters",
                newName: "last_sequence");

            migrationBuilder.RenameColumn(
                name: "OrganisationId",
                schema: "qadam",
                table: "case_counters",
                newName: "organisation_id");

            migrationBuilder.RenameColumn(
                name: "Role",
                schema: "qadam",
                table: "audit_events",
                newName: "role");

            migrationBuilder.RenameColumn(
                name: "Hash",
                schema: "qadam",
                table: "audit_events",
                newName: "hash");

            migrationBuilder.RenameColumn(
                name: "Actor",
                schema: "qadam",
                table: "audit_events",
                newName: "actor");

            migrationBuilder.RenameColumn(
                name: "Action",
                schema: "qadam",
                table: "audit_events",
                newName: "action");

            migrationBuilder.RenameColumn(
                name: "Sequence",
                schema: "qadam",
                table: "audit_events",
                newName: "sequence");

            migrationBuilder.RenameColumn(
                name: "ProcessVersion",
                schema: "qadam",
                table: "audit_events",
                newName: "process_version");

            migrationBuilder.RenameColumn(
                name: "ProcessKey",
                schema: "qadam",
                table: "audit_events",
                newName: "process_key");

            migrationBuilder.RenameColumn(
                name: "PreviousHash",
                schema: "qadam",
                table: "audit_events",
                newName: "previous_hash");

            migrationBuilder.RenameColumn(
                name: "PayloadDigest",
                schema: "qadam",
                table: "audit_events",
                newName: "payload_digest");

            migrationBuilder.RenameColumn(
                name: "OrganisationCode",
                schema: "qadam",
                table: "audit_events",
                newName: "organisation_code");

            migrationBuilder.RenameColumn(
                name: "OccurredAt",
                schema: "qadam",
                table: "audit_events",
                newName: "occurred_at");

            migrationBuilder.RenameColumn(
                name: "LegalBasis",
                schema: "qadam",
                table: "audit_events",
                newName: "legal_basis");

            migrationBuilder.RenameColumn(
                name: "CaseId",
                schema: "qadam",
                table: "audit_events",
                newName: "case_id");

            migrationBuilder.RenameIndex(
                name: "IX_audit_events_CaseId",
                schema: "qadam",
                table: "audit_events",
                newName: "ix_audit_events_case_id");

        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("ALTER TABLE qadam.case_counters RENAME CONSTRAINT \"fk_case_counters_organisations_organisation_id\" TO \"FK_case_counters_organisations_OrganisationId\"");

            migrationBuilder.Sql("ALTER TABLE qadam.case_evidence RENAME CONSTRAINT \"fk_case_evidence_cases_case_id\" TO \"FK_case_evidence_cases_CaseId\"");

            migrationBuilder.Sql("ALTER TABLE qadam.case_notices RENAME CONSTRAINT \"fk_case_notices_cases_case_id\" TO \"FK_case_notices_cases_CaseId\"");

            migrationBuilder.Sql("ALTER TABLE qadam.cases RENAME CONSTRAINT \"fk_cases_organisations_organisation_id\" TO \"FK_cases_organisations_OrganisationId\"");

            migrationBuilder.Sql("ALTER TABLE qadam.cases RENAME CONSTRAINT \"fk_cases_students_student_id\" TO \"FK_cases_students_StudentId\"");

            migrationBuilder.Sql("ALTER TABLE qadam.mass_transfer_schools RENAME CONSTRAINT \"fk_mass_transfer_schools_mass_transfers_transfer_id\" TO \"FK_mass_transfer_schools_mass_transfers_TransferId\"");

            migrationBuilder.Sql("ALTER TABLE qadam.mass_transfer_schools RENAME CONSTRAINT \"fk_mass_transfer_schools_organisations_organisation_id\" TO \"FK_mass_transfer_schools_organisations_OrganisationId\"");

            migrationBuilder.Sql("ALTER TABLE qadam.oidc_authorizations RENAME CONSTRAINT \"fk_oidc_authorizations_oidc_applications_application_id\" TO \"FK_oidc_authorizations_oidc_applications_ApplicationId\"");

            migrationBuilder.Sql("ALTER TABLE qadam.oidc_tokens RENAME CONSTRAINT \"fk_oidc_tokens_oidc_applications_application_id\" TO \"FK_oidc_tokens_oidc_applications_ApplicationId\"");

            migrationBuilder.Sql("ALTER TABLE qadam.oidc_tokens RENAME CONSTRAINT \"fk_oidc_tokens_oidc_authorizations_authorization_id\" TO \"FK_oidc_tokens_oidc_authorizations_AuthorizationId\"");

            migrationBuilder.Sql("ALTER TABLE qadam.organisations RENAME CONSTRAINT \"fk_organisations_organisations_parent_id\" TO \"FK_organisations_organisations_ParentId\"");

            migrationBuilder.Sql("ALTER TABLE qadam.parent_links RENAME CONSTRAINT \"fk_parent_links_students_student_id\" TO \"FK_parent_links_students_StudentId\"");

            migrationBuilder.Sql("ALTER TABLE qadam.parent_links RENAME CONSTRAINT \"fk_parent_links_users_parent_user_id\" TO \"FK_parent_links_users_ParentUserId\"");

            migrationBuilder.Sql("ALTER TABLE qadam.readiness_records RENAME CONSTRAINT \"fk_readiness_records_organisations_organisation_id\" TO \"FK_readiness_records_organisations_OrganisationId\"");

            migrationBuilder.Sql("ALTER TABLE qadam.readiness_records RENAME CONSTRAINT \"fk_readiness_records_readiness_editions_edition_id\" TO \"FK_readiness_records_readiness_editions_EditionId\"");

            migrationBuilder.Sql("ALTER TABLE qadam.role_claims RENAME CONSTRAINT \"fk_role_claims_roles_role_id\" TO \"FK_role_claims_roles_RoleId\"");

            migrationBuilder.Sql("ALTER TABLE qadam.students RENAME CONSTRAINT \"fk_students_organisations_organisation_id\" TO \"FK_students_organisations_OrganisationId\"");

            migrationBuilder.Sql("ALTER TABLE qadam.tvet_distance_ledger RENAME CONSTRAINT \"fk_tvet_distance_ledger_cases_case_id\" TO \"FK_tvet_distance_ledger_cases_CaseId\"");

            migrationBuilder.Sql("ALTER TABLE qadam.tvet_distance_ledger RENAME CONSTRAINT \"fk_tvet_distance_ledger_students_student_id\" TO \"FK_tvet_distance_ledger_students_StudentId\"");

            migrationBuilder.Sql("ALTER TABLE qadam.university_emergencies RENAME CONSTRAINT \"fk_university_emergencies_organisations_university_id\" TO \"FK_university_emergencies_organisations_UniversityId\"");

            migrationBuilder.Sql("ALTER TABLE qadam.university_programmes RENAME CONSTRAINT \"fk_university_programmes_organisations_faculty_id\" TO \"FK_university_programmes_organisations_FacultyId\"");

            migrationBuilder.Sql("ALTER TABLE qadam.university_programmes RENAME CONSTRAINT \"fk_university_programmes_organisations_university_id\" TO \"FK_university_programmes_organisations_UniversityId\"");

            migrationBuilder.Sql("ALTER TABLE qadam.university_study_plans RENAME CONSTRAINT \"fk_university_study_plans_students_student_id\" TO \"FK_university_study_plans_students_StudentId\"");

            migrationBuilder.Sql("ALTER TABLE qadam.university_study_plans RENAME CONSTRAINT \"fk_university_study_plans_university_programmes_programme_id\" TO \"FK_university_study_plans_university_programmes_ProgrammeId\"");

            migrationBuilder.Sql("ALTER TABLE qadam.user_claims RENAME CONSTRAINT \"fk_user_claims_users_user_id\" TO \"FK_user_claims_users_UserId\"");

            migrationBuilder.Sql("ALTER TABLE qadam.user_logins RENAME CONSTRAINT \"fk_user_logins_users_user_id\" TO \"FK_user_logins_users_UserId\"");

            migrationBuilder.Sql("ALTER TABLE qadam.user_roles RENAME CONSTRAINT \"fk_user_roles_roles_role_id\" TO \"FK_user_roles_roles_RoleId\"");

            migrationBuilder.Sql("ALTER TABLE qadam.user_roles RENAME CONSTRAINT \"fk_user_roles_users_user_id\" TO \"FK_user_roles_users_UserId\"");

            migrationBuilder.Sql("ALTER TABLE qadam.user_tokens RENAME CONSTRAINT \"fk_user_tokens_users_user_id\" TO \"FK_user_tokens_users_UserId\"");

            migrationBuilder.Sql("ALTER TABLE qadam.users RENAME CONSTRAINT \"fk_users_organisations_organisation_id\" TO \"FK_users_organisations_OrganisationId\"");

            migrationBuilder.Sql("ALTER TABLE qadam.users RENAME CONSTRAINT \"pk_users\" TO \"PK_users\"");

            migrationBuilder.Sql("ALTER TABLE qadam.user_tokens RENAME CONSTRAINT \"pk_user_tokens\" TO \"PK_user_tokens\"");

            migrationBuilder.Sql("ALTER TABLE qadam.user_roles RENAME CONSTRAINT \"pk_user_roles\" TO \"PK_user_roles\"");

            migrationBuilder.Sql("ALTER TABLE qadam.user_logins RENAME CONSTRAINT \"pk_user_logins\" TO \"PK_user_logins\"");

            migrationBuilder.Sql("ALTER TABLE qadam.user_claims RENAME CONSTRAINT \"pk_user_claims\" TO \"PK_user_claims\"");

            migrationBuilder.Sql("ALTER TABLE qadam.university_study_plans RENAME CONSTRAINT \"pk_university_study_plans\" TO \"PK_university_study_plans\"");

            migrationBuilder.Sql("ALTER TABLE qadam.university_programmes RENAME CONSTRAINT \"pk_university_programmes\" TO \"PK_university_programmes\"");

            migrationBuilder.Sql("ALTER TABLE qadam.university_emergencies RENAME CONSTRAINT \"pk_university_emergencies\" TO \"PK_university_emergencies\"");

            migrationBuilder.Sql("ALTER TABLE qadam.tvet_distance_ledger RENAME CONSTRAINT \"pk_tvet_distance_ledger\" TO \"PK_tvet_distance_ledger\"");

            migrationBuilder.Sql("ALTER TABLE qadam.students RENAME CONSTRAINT \"pk_students\" TO \"PK_students\"");

            migrationBuilder.Sql("ALTER TABLE qadam.student_transfers RENAME CONSTRAINT \"pk_student_transfers\" TO \"PK_student_transfers\"");

            migrationBuilder.Sql("ALTER TABLE qadam.roles RENAME CONSTRAINT \"pk_roles\" TO \"PK_roles\"");

            migrationBuilder.Sql("ALTER TABLE qadam.role_claims RENAME CONSTRAINT \"pk_role_claims\" TO \"PK_role_claims\"");

            migrationBuilder.Sql("ALTER TABLE qadam.readiness_records RENAME CONSTRAINT \"pk_readiness_records\" TO \"PK_readiness_records\"");

            migrationBuilder.Sql("ALTER TABLE qadam.readiness_editions RENAME CONSTRAINT \"pk_readiness_editions\" TO \"PK_readiness_editions\"");

            migrationBuilder.Sql("ALTER TABLE qadam.parent_notifications RENAME CONSTRAINT \"pk_parent_notifications\" TO \"PK_parent_notifications\"");

            migrationBuilder.Sql("ALTER TABLE qadam.parent_links RENAME CONSTRAINT \"pk_parent_links\" TO \"PK_parent_links\"");

            migrationBuilder.Sql("ALTER TABLE qadam.organisations RENAME CONSTRAINT \"pk_organisations\" TO \"PK_organisations\"");

            migrationBuilder.Sql("ALTER TABLE qadam.oidc_tokens RENAME CONSTRAINT \"pk_oidc_tokens\" TO \"PK_oidc_tokens\"");

            migrationBuilder.Sql("ALTER TABLE qadam.oidc_scopes RENAME CONSTRAINT \"pk_oidc_scopes\" TO \"PK_oidc_scopes\"");

            migrationBuilder.Sql("ALTER TABLE qadam.oidc_authorizations RENAME CONSTRAINT \"pk_oidc_authorizations\" TO \"PK_oidc_authorizations\"");

            migrationBuilder.Sql("ALTER TABLE qadam.oidc_applications RENAME CONSTRAINT \"pk_oidc_applications\" TO \"PK_oidc_applications\"");

            migrationBuilder.Sql("ALTER TABLE qadam.mass_transfers RENAME CONSTRAINT \"pk_mass_transfers\" TO \"PK_mass_transfers\"");

            migrationBuilder.Sql("ALTER TABLE qadam.mass_transfer_schools RENAME CONSTRAINT \"pk_mass_transfer_schools\" TO \"PK_mass_transfer_schools\"");

            migrationBuilder.Sql("ALTER TABLE qadam.idempotency_keys RENAME CONSTRAINT \"pk_idempotency_keys\" TO \"PK_idempotency_keys\"");

            migrationBuilder.Sql("ALTER TABLE qadam.emergency_orders RENAME CONSTRAINT \"pk_emergency_orders\" TO \"PK_emergency_orders\"");

            migrationBuilder.Sql("ALTER TABLE qadam.document_pdf_renditions RENAME CONSTRAINT \"pk_document_pdf_renditions\" TO \"PK_document_pdf_renditions\"");

            migrationBuilder.Sql("ALTER TABLE qadam.cases RENAME CONSTRAINT \"pk_cases\" TO \"PK_cases\"");

            // The filter names the column too; PostgreSQL rewrites the predicate with the column, so the index is renamed, not rebuilt.
            migrationBuilder.RenameIndex(
                name: "ix_cases_applicant_id_idempotency_key",
                schema: "qadam",
                table: "cases",
                newName: "IX_cases_ApplicantId_IdempotencyKey");

            migrationBuilder.Sql("ALTER TABLE qadam.case_notices RENAME CONSTRAINT \"pk_case_notices\" TO \"PK_case_notices\"");

            migrationBuilder.Sql("ALTER TABLE qadam.case_evidence RENAME CONSTRAINT \"pk_case_evidence\" TO \"PK_case_evidence\"");

            migrationBuilder.Sql("ALTER TABLE qadam.case_counters RENAME CONSTRAINT \"pk_case_counters\" TO \"PK_case_counters\"");

            migrationBuilder.Sql("ALTER TABLE qadam.audit_events RENAME CONSTRAINT \"pk_audit_events\" TO \"PK_audit_events\"");

            migrationBuilder.RenameColumn(
                name: "iin",
                schema: "qadam",
                table: "users",
                newName: "Iin");

            migrationBuilder.RenameColumn(
                name: "email",
                schema: "qadam",
                table: "users",
                newName: "Email");

            migrationBuilder.RenameColumn(
                name: "id",
                schema: "qadam",
                table: "users",
                newName: "Id");

            migrationBuilder.RenameColumn(
                name: "user_name",
                schema: "qadam",
                table: "users",
                newName: "UserName");

            migrationBuilder.RenameColumn(
                name: "two_factor_enabled",
                schema: "qadam",
                table: "users",
                newName: "TwoFactorEnabled");

            migrationBuilder.RenameColumn(
                name: "security_stamp",
                schema: "qadam",
                table: "users",
                newName: "SecurityStamp");

            migrationBuilder.RenameColumn(
                name: "phone_number_confirmed",
                schema: "qadam",
                table: "users",
                newName: "PhoneNumberConfirmed");

            migrationBuilder.RenameColumn(
                name: "phone_number",
                schema: "qadam",
                table: "users",
                newName: "PhoneNumber");

            migrationBuilder.RenameColumn(
                name: "password_hash",
                schema: "qadam",
                table: "users",
                newName: "PasswordHash");

            migrationBuilder.RenameColumn(
                name: "organisation_id",
                schema: "qadam",
                table: "users",
                newName: "OrganisationId");

            migrationBuilder.RenameColumn(
                name: "normalized_user_name",
                schema: "qadam",
                table: "users",
                newName: "NormalizedUserName");

            migrationBuilder.RenameColumn(
                name: "normalized_email",
                schema: "qadam",
                table: "users",
                newName: "NormalizedEmail");

            migrationBuilder.RenameColumn(
                name: "lockout_end",
                schema: "qadam",
                table: "users",
                newName: "LockoutEnd");

            migrationBuilder.RenameColumn(
                name: "lockout_enabled",
                schema: "qadam",
                table: "users",
                newName: "LockoutEnabled");

            migrationBuilder.RenameColumn(
                name: "email_confirmed",
                schema: "qadam",
                table: "users",
                newName: "EmailConfirmed");

            migrationBuilder.RenameColumn(
                name: "display_name",
                schema: "qadam",
                table: "users",
                newName: "DisplayName");

            migrationBuilder.RenameColumn(
                name: "concurrency_stamp",
                schema: "qadam",
                table: "users",
                newName: "ConcurrencyStamp");

            migrationBuilder.RenameColumn(
                name: "access_failed_count",
                schema: "qadam",
                table: "users",
                newName: "AccessFailedCount");

            migrationBuilder.RenameIndex(
                name: "ix_users_iin",
                schema: "qadam",
                table: "users",
                newName: "IX_users_Iin");

            migrationBuilder.RenameIndex(
                name: "ix_users_organisation_id",
                schema: "qadam",
                table: "users",
                newName: "IX_users_OrganisationId");

            migrationBuilder.RenameColumn(
                name: "value",
                schema: "qadam",
                table: "user_tokens",
                newName: "Value");

            migrationBuilder.RenameColumn(
                name: "name",
                schema: "qadam",
                table: "user_tokens",
                newName: "Name");

            migrationBuilder.RenameColumn(
                name: "login_provider",
                schema: "qadam",
                table: "user_tokens",
                newName: "LoginProvider");

            migrationBuilder.RenameColumn(
                name: "user_id",
                schema: "qadam",
                table: "user_tokens",
                newName: "UserId");

            migrationBuilder.RenameColumn(
                name: "role_id",
                schema: "qadam",
                table: "user_roles",
                newName: "RoleId");

            migrationBuilder.RenameColumn(
                name: "user_id",
                schema: "qadam",
                table: "user_roles",
                newName: "UserId");

            migrationBuilder.RenameIndex(
                name: "ix_user_roles_role_id",
                schema: "qadam",
                table: "user_roles",
                newName: "IX_user_roles_RoleId");

            migrationBuilder.RenameColumn(
                name: "user_id",
                schema: "qadam",
                table: "user_logins",
                newName: "UserId");

            migrationBuilder.RenameColumn(
                name: "provider_display_name",
                schema: "qadam",
                table: "user_logins",
                newName: "ProviderDisplayName");

            migrationBuilder.RenameColumn(
                name: "provider_key",
                schema: "qadam",
                table: "user_logins",
                newName: "ProviderKey");

            migrationBuilder.RenameColumn(
                name: "login_provider",
                schema: "qadam",
                table: "user_logins",
                newName: "LoginProvider");

            migrationBuilder.RenameIndex(
                name: "ix_user_logins_user_id",
                schema: "qadam",
                table: "user_logins",
                newName: "IX_user_logins_UserId");

            migrationBuilder.RenameColumn(
                name: "id",
                schema: "qadam",
                table: "user_claims",
                newName: "Id");

            migrationBuilder.RenameColumn(
                name: "user_id",
                schema: "qadam",
                table: "user_claims",
                newName: "UserId");

            migrationBuilder.RenameColumn(
                name: "claim_value",
                schema: "qadam",
                table: "user_claims",
                newName: "ClaimValue");

            migrationBuilder.RenameColumn(
                name: "claim_type",
                schema: "qadam",
                table: "user_claims",
                newName: "ClaimType");

            migrationBuilder.RenameIndex(
                name: "ix_user_claims_user_id",
                schema: "qadam",
                table: "user_claims",
                newName: "IX_user_claims_UserId");

            migrationBuilder.RenameColumn(
                name: "year",
                schema: "qadam",
                table: "university_study_plans",
                newName: "Year");

            migrationBuilder.RenameColumn(
                name: "disciplines",
                schema: "qadam",
                table: "university_study_plans",
                newName: "Disciplines");

            migrationBuilder.RenameColumn(
                name: "credits",
                schema: "qadam",
                table: "university_study_plans",
                newName: "Credits");

            migrationBuilder.RenameColumn(
                name: "programme_id",
                schema: "qadam",
                table: "university_study_plans",
                newName: "ProgrammeId");

            migrationBuilder.RenameColumn(
                name: "mobility_credits",
                schema: "qadam",
                table: "university_study_plans",
                newName: "MobilityCredits");

            migrationBuilder.RenameColumn(
                name: "student_id",
                schema: "qadam",
                table: "university_study_plans",
                newName: "StudentId");

            migrationBuilder.RenameIndex(
                name: "ix_university_study_plans_programme_id",
                schema: "qadam",
                table: "university_study_plans",
                newName: "IX_university_study_plans_ProgrammeId");

            migrationBuilder.RenameColumn(
                name: "level",
                schema: "qadam",
                table: "university_programmes",
                newName: "Level");

            migrationBuilder.RenameColumn(
                name: "kind",
                schema: "qadam",
                table: "university_programmes",
                newName: "Kind");

            migrationBuilder.RenameColumn(
                name: "field",
                schema: "qadam",
                table: "university_programmes",
                newName: "Field");

            migrationBuilder.RenameColumn(
                name: "code",
                schema: "qadam",
                table: "university_programmes",
                newName: "Code");

            migrationBuilder.RenameColumn(
                name: "id",
                schema: "qadam",
                table: "university_programmes",
                newName: "Id");

            migrationBuilder.RenameColumn(
                name: "university_id",
                schema: "qadam",
                table: "university_programmes",
                newName: "UniversityId");

            migrationBuilder.RenameColumn(
                name: "name_ru",
                schema: "qadam",
                table: "university_programmes",
                newName: "NameRu");

            migrationBuilder.RenameColumn(
                name: "name_kk",
                schema: "qadam",
                table: "university_programmes",
                newName: "NameKk");

            migrationBuilder.RenameColumn(
                name: "faculty_id",
                schema: "qadam",
                table: "university_programmes",
                newName: "FacultyId");

            migrationBuilder.RenameIndex(
                name: "ix_university_programmes_university_id_code",
                schema: "qadam",
                table: "university_programmes",
                newName: "IX_university_programmes_UniversityId_Code");

            migrationBuilder.RenameIndex(
                name: "ix_university_programmes_faculty_id",
                schema: "qadam",
                table: "university_programmes",
                newName: "IX_university_programmes_FacultyId");

            migrationBuilder.RenameColumn(
                name: "number",
                schema: "qadam",
                table: "university_emergencies",
                newName: "Number");

            migrationBuilder.RenameColumn(
                name: "id",
                schema: "qadam",
                table: "university_emergencies",
                newName: "Id");

            migrationBuilder.RenameColumn(
                name: "university_id",
                schema: "qadam",
                table: "university_emergencies",
                newName: "UniversityId");

            migrationBuilder.RenameColumn(
                name: "registered_at",
                schema: "qadam",
                table: "university_emergencies",
                newName: "RegisteredAt");

            migrationBuilder.RenameColumn(
                name: "process_instance_id",
                schema: "qadam",
                table: "university_emergencies",
                newName: "ProcessInstanceId");

            migrationBuilder.RenameColumn(
                name: "period_to",
                schema: "qadam",
                table: "university_emergencies",
                newName: "PeriodTo");

            migrationBuilder.RenameColumn(
                name: "period_from",
                schema: "qadam",
                table: "university_emergencies",
                newName: "PeriodFrom");

            migrationBuilder.RenameColumn(
                name: "order_date",
                schema: "qadam",
                table: "university_emergencies",
                newName: "OrderDate");

            migrationBuilder.RenameColumn(
                name: "issuer_code",
                schema: "qadam",
                table: "university_emergencies",
                newName: "IssuerCode");

            migrationBuilder.RenameIndex(
                name: "ix_university_emergencies_university_id_period_to",
                schema: "qadam",
                table: "university_emergencies",
                newName: "IX_university_emergencies_UniversityId_PeriodTo");

            migrationBuilder.RenameIndex(
                name: "ix_university_emergencies_university_id_issuer_code_number",
                schema: "qadam",
                table: "university_emergencies",
                newName: "IX_university_emergencies_UniversityId_IssuerCode_Number");

            migrationBuilder.RenameColumn(
                name: "programme",
                schema: "qadam",
                table: "tvet_distance_ledger",
                newName: "Programme");

            migrationBuilder.RenameColumn(
                name: "id",
                schema: "qadam",
                table: "tvet_distance_ledger",
                newName: "Id");

            migrationBuilder.RenameColumn(
                name: "total_hours",
                schema: "qadam",
                table: "tvet_distance_ledger",
                newName: "TotalHours");

            migrationBuilder.RenameColumn(
                name: "student_id",
                schema: "qadam",
                table: "tvet_distance_ledger",
                newName: "StudentId");

            migrationBuilder.RenameColumn(
                name: "recorded_at",
                schema: "qadam",
                table: "tvet_distance_ledger",
                newName: "RecordedAt");

            migrationBuilder.RenameColumn(
                name: "organisation_id",
                schema: "qadam",
                table: "tvet_distance_ledger",
                newName: "OrganisationId");

            migrationBuilder.RenameColumn(
                name: "distance_hours",
                schema: "qadam",
                table: "tvet_distance_ledger",
                newName: "DistanceHours");

            migrationBuilder.RenameColumn(
                name: "definition_version",
                schema: "qadam",
                table: "tvet_distance_ledger",
                newName: "DefinitionVersion");

            migrationBuilder.RenameColumn(
                name: "definition_key",
                schema: "qadam",
                table: "tvet_distance_ledger",
                newName: "DefinitionKey");

            migrationBuilder.RenameColumn(
                name: "decided_on",
                schema: "qadam",
                table: "tvet_distance_ledger",
                newName: "DecidedOn");

            migrationBuilder.RenameColumn(
                name: "case_number",
                schema: "qadam",
                table: "tvet_distance_ledger",
                newName: "CaseNumber");

            migrationBuilder.RenameColumn(
                name: "case_id",
                schema: "qadam",
                table: "tvet_distance_ledger",
                newName: "CaseId");

            migrationBuilder.RenameIndex(
                name: "ix_tvet_distance_ledger_student_id_programme",
                schema: "qadam",
                table: "tvet_distance_ledger",
                newName: "IX_tvet_distance_ledger_StudentId_Programme");

            migrationBuilder.RenameIndex(
                name: "ix_tvet_distance_ledger_case_id",
                schema: "qadam",
                table: "tvet_distance_ledger",
                newName: "IX_tvet_distance_ledger_CaseId");

            migrationBuilder.RenameColumn(
                name: "shift",
                schema: "qadam",
                table: "students",
                newName: "Shift");

            migrationBuilder.RenameColumn(
                name: "level",
                schema: "qadam",
                table: "students",
                newName: "Level");

            migrationBuilder.RenameColumn(
                name: "iin",
                schema: "qadam",
                table: "students",
                newName: "Iin");

            migrationBuilder.RenameColumn(
                name: "id",
                schema: "qadam",
                table: "students",
                newName: "Id");

            migrationBuilder.RenameColumn(
                name: "updated_at",
                schema: "qadam",
                table: "students",
                newName: "UpdatedAt");

            migrationBuilder.RenameColumn(
                name: "parent_phone",
                schema: "qadam",
                table: "students",
                newName: "ParentPhone");

            migrationBuilder.RenameColumn(
                name: "parent_name",
                schema: "qadam",
                table: "students",
                newName: "ParentName");

            migrationBuilder.RenameColumn(
                name: "parent_iin",
                schema: "qadam",
                table: "students",
                newName: "ParentIin");

            migrationBuilder.RenameColumn(
                name: "organisation_id",
                schema: "qadam",
                table: "students",
                newName: "OrganisationId");

            migrationBuilder.RenameColumn(
                name: "full_name",
                schema: "qadam",
                table: "students",
                newName: "FullName");

            migrationBuilder.RenameColumn(
                name: "class_name",
                schema: "qadam",
                table: "students",
                newName: "ClassName");

            migrationBuilder.RenameColumn(
                name: "birth_date",
                schema: "qadam",
                table: "students",
                newName: "BirthDate");

            migrationBuilder.RenameIndex(
                name: "ix_students_iin",
                schema: "qadam",
                table: "students",
                newName: "IX_students_Iin");

            migrationBuilder.RenameIndex(
                name: "ix_students_parent_iin",
                schema: "qadam",
                table: "students",
                newName: "IX_students_ParentIin");

            migrationBuilder.RenameIndex(
                name: "ix_students_organisation_id_class_name",
                schema: "qadam",
                table: "students",
                newName: "IX_students_OrganisationId_ClassName");

            migrationBuilder.RenameColumn(
                name: "at",
                schema: "qadam",
                table: "student_transfers",
                newName: "At");

            migrationBuilder.RenameColumn(
                name: "organisation_id",
                schema: "qadam",
                table: "student_transfers",
                newName: "OrganisationId");

            migrationBuilder.RenameColumn(
                name: "student_id",
                schema: "qadam",
                table: "student_transfers",
                newName: "StudentId");

            migrationBuilder.RenameColumn(
                name: "transfer_id",
                schema: "qadam",
                table: "student_transfers",
                newName: "TransferId");

            migrationBuilder.RenameColumn(
                name: "name",
                schema: "qadam",
                table: "roles",
                newName: "Name");

            migrationBuilder.RenameColumn(
                name: "id",
                schema: "qadam",
                table: "roles",
                newName: "Id");

            migrationBuilder.RenameColumn(
                name: "normalized_name",
                schema: "qadam",
                table: "roles",
                newName: "NormalizedName");

            migrationBuilder.RenameColumn(
                name: "concurrency_stamp",
                schema: "qadam",
                table: "roles",
                newName: "ConcurrencyStamp");

            migrationBuilder.RenameColumn(
                name: "id",
                schema: "qadam",
                table: "role_claims",
                newName: "Id");

            migrationBuilder.RenameColumn(
                name: "role_id",
                schema: "qadam",
                table: "role_claims",
                newName: "RoleId");

            migrationBuilder.RenameColumn(
                name: "claim_value",
                schema: "qadam",
                table: "role_claims",
                newName: "ClaimValue");

            migrationBuilder.RenameColumn(
                name: "claim_type",
                schema: "qadam",
                table: "role_claims",
                newName: "ClaimType");

            migrationBuilder.RenameIndex(
                name: "ix_role_claims_role_id",
                schema: "qadam",
                table: "role_claims",
                newName: "IX_role_claims_RoleId");

            migrationBuilder.RenameColumn(
                name: "revision",
                schema: "qadam",
                table: "readiness_records",
                newName: "Revision");

            migrationBuilder.RenameColumn(
                name: "id",
                schema: "qadam",
                table: "readiness_records",
                newName: "Id");

            migrationBuilder.RenameColumn(
                name: "valid_until",
                schema: "qadam",
                table: "readiness_records",
                newName: "ValidUntil");

            migrationBuilder.RenameColumn(
                name: "organisation_id",
                schema: "qadam",
                table: "readiness_records",
                newName: "OrganisationId");

            migrationBuilder.RenameColumn(
                name: "items_json",
                schema: "qadam",
                table: "readiness_records",
                newName: "ItemsJson");

            migrationBuilder.RenameColumn(
                name: "edition_id",
                schema: "qadam",
                table: "readiness_records",
                newName: "EditionId");

            migrationBuilder.RenameColumn(
                name: "created_at",
                schema: "qadam",
                table: "readiness_records",
                newName: "CreatedAt");

            migrationBuilder.RenameColumn(
                name: "attested_by_name",
                schema: "qadam",
                table: "readiness_records",
                newName: "AttestedByName");

            migrationBuilder.RenameColumn(
                name: "attested_by",
                schema: "qadam",
                table: "readiness_records",
                newName: "AttestedBy");

            migrationBuilder.RenameColumn(
                name: "attested_at",
                schema: "qadam",
                table: "readiness_records",
                newName: "AttestedAt");

            migrationBuilder.RenameIndex(
                name: "ix_readiness_records_organisation_id_edition_id",
                schema: "qadam",
                table: "readiness_records",
                newName: "IX_readiness_records_OrganisationId_EditionId");

            migrationBuilder.RenameIndex(
                name: "ix_readiness_records_edition_id",
                schema: "qadam",
                table: "readiness_records",
                newName: "IX_readiness_records_EditionId");

            migrationBuilder.RenameColumn(
                name: "version",
                schema: "qadam",
                table: "readiness_editions",
                newName: "Version");

            migrationBuilder.RenameColumn(
                name: "paragraph",
                schema: "qadam",
                table: "readiness_editions",
                newName: "Paragraph");

            migrationBuilder.RenameColumn(
                name: "act",
                schema: "qadam",
                table: "readiness_editions",
                newName: "Act");

            migrationBuilder.RenameColumn(
                name: "id",
                schema: "qadam",
                table: "readiness_editions",
                newName: "Id");

            migrationBuilder.RenameColumn(
                name: "title_ru",
                schema: "qadam",
                table: "readiness_editions",
                newName: "TitleRu");

            migrationBuilder.RenameColumn(
                name: "title_kk",
                schema: "qadam",
                table: "readiness_editions",
                newName: "TitleKk");

            migrationBuilder.RenameColumn(
                name: "published_by",
                schema: "qadam",
                table: "readiness_editions",
                newName: "PublishedBy");

            migrationBuilder.RenameColumn(
                name: "published_at",
                schema: "qadam",
                table: "readiness_editions",
                newName: "PublishedAt");

            migrationBuilder.RenameColumn(
                name: "paragraph_kk",
                schema: "qadam",
                table: "readiness_editions",
                newName: "ParagraphKk");

            migrationBuilder.RenameColumn(
                name: "items_json",
                schema: "qadam",
                table: "readiness_editions",
                newName: "ItemsJson");

            migrationBuilder.RenameColumn(
                name: "effective_from",
                schema: "qadam",
                table: "readiness_editions",
                newName: "EffectiveFrom");

            migrationBuilder.RenameColumn(
                name: "edition_label",
                schema: "qadam",
                table: "readiness_editions",
                newName: "EditionLabel");

            migrationBuilder.RenameColumn(
                name: "content_sha256",
                schema: "qadam",
                table: "readiness_editions",
                newName: "ContentSha256");

            migrationBuilder.RenameColumn(
                name: "act_kk",
                schema: "qadam",
                table: "readiness_editions",
                newName: "ActKk");

            migrationBuilder.RenameIndex(
                name: "ix_readiness_editions_version",
                schema: "qadam",
                table: "readiness_editions",
                newName: "IX_readiness_editions_Version");

            migrationBuilder.RenameIndex(
                name: "ix_readiness_editions_effective_from",
                schema: "qadam",
                table: "readiness_editions",
                newName: "IX_readiness_editions_EffectiveFrom");

            migrationBuilder.RenameColumn(
                name: "parent_iin",
                schema: "qadam",
                table: "parent_notifications",
                newName: "ParentIin");

            migrationBuilder.RenameColumn(
                name: "created_at",
                schema: "qadam",
                table: "parent_notifications",
                newName: "CreatedAt");

            migrationBuilder.RenameColumn(
                name: "student_id",
                schema: "qadam",
                table: "parent_notifications",
                newName: "StudentId");

            migrationBuilder.RenameColumn(
                name: "transfer_id",
                schema: "qadam",
                table: "parent_notifications",
                newName: "TransferId");

            migrationBuilder.RenameIndex(
                name: "ix_parent_notifications_student_id",
                schema: "qadam",
                table: "parent_notifications",
                newName: "IX_parent_notifications_StudentId");

            migrationBuilder.RenameColumn(
                name: "linked_at",
                schema: "qadam",
                table: "parent_links",
                newName: "LinkedAt");

            migrationBuilder.RenameColumn(
                name: "student_id",
                schema: "qadam",
                table: "parent_links",
                newName: "StudentId");

            migrationBuilder.RenameColumn(
                name: "parent_user_id",
                schema: "qadam",
                table: "parent_links",
                newName: "ParentUserId");

            migrationBuilder.RenameIndex(
                name: "ix_parent_links_student_id",
                schema: "qadam",
                table: "parent_links",
                newName: "IX_parent_links_StudentId");

            migrationBuilder.RenameColumn(
                name: "programmes",
                schema: "qadam",
                table: "organisations",
                newName: "Programmes");

            migrationBuilder.RenameColumn(
                name: "kind",
                schema: "qadam",
                table: "organisations",
                newName: "Kind");

            migrationBuilder.RenameColumn(
                name: "code",
                schema: "qadam",
                table: "organisations",
                newName: "Code");

            migrationBuilder.RenameColumn(
                name: "bin",
                schema: "qadam",
                table: "organisations",
                newName: "Bin");

            migrationBuilder.RenameColumn(
                name: "id",
                schema: "qadam",
                table: "organisations",
                newName: "Id");

            migrationBuilder.RenameColumn(
                name: "parent_id",
                schema: "qadam",
                table: "organisations",
                newName: "ParentId");

            migrationBuilder.RenameColumn(
                name: "name_ru",
                schema: "qadam",
                table: "organisations",
                newName: "NameRu");

            migrationBuilder.RenameColumn(
                name: "name_kk",
                schema: "qadam",
                table: "organisations",
                newName: "NameKk");

            migrationBuilder.RenameIndex(
                name: "ix_organisations_code",
                schema: "qadam",
                table: "organisations",
                newName: "IX_organisations_Code");

            migrationBuilder.RenameIndex(
                name: "ix_organisations_bin",
                schema: "qadam",
                table: "organisations",
                newName: "IX_organisations_Bin");

            migrationBuilder.RenameIndex(
                name: "ix_organisations_parent_id",
                schema: "qadam",
                table: "organisations",
                newName: "IX_organisations_ParentId");

            migrationBuilder.RenameColumn(
                name: "type",
                schema: "qadam",
                table: "oidc_tokens",
                newName: "Type");

            migrationBuilder.RenameColumn(
                name: "subject",
                schema: "qadam",
                table: "oidc_tokens",
                newName: "Subject");

            migrationBuilder.RenameColumn(
                name: "status",
                schema: "qadam",
                table: "oidc_tokens",
                newName: "Status");

            migrationBuilder.RenameColumn(
                name: "properties",
                schema: "qadam",
                table: "oidc_tokens",
                newName: "Properties");

            migrationBuilder.RenameColumn(
                name: "payload",
                schema: "qadam",
                table: "oidc_tokens",
                newName: "Payload");

            migrationBuilder.RenameColumn(
                name: "id",
                schema: "qadam",
                table: "oidc_tokens",
                newName: "Id");

            migrationBuilder.RenameColumn(
                name: "reference_id",
                schema: "qadam",
                table: "oidc_tokens",
                newName: "ReferenceId");

            migrationBuilder.RenameColumn(
                name: "redemption_date",
                schema: "qadam",
                table: "oidc_tokens",
                newName: "RedemptionDate");

            migrationBuilder.RenameColumn(
                name: "expiration_date",
                schema: "qadam",
                table: "oidc_tokens",
                newName: "ExpirationDate");

            migrationBuilder.RenameColumn(
                name: "creation_date",
                schema: "qadam",
                table: "oidc_tokens",
                newName: "CreationDate");

            migrationBuilder.RenameColumn(
                name: "concurrency_token",
                schema: "qadam",
                table: "oidc_tokens",
                newName: "ConcurrencyToken");

            migrationBuilder.RenameColumn(
                name: "authorization_id",
                schema: "qadam",
                table: "oidc_tokens",
                newName: "AuthorizationId");

            migrationBuilder.RenameColumn(
                name: "application_id",
                schema: "qadam",
                table: "oidc_tokens",
                newName: "ApplicationId");

            migrationBuilder.RenameIndex(
                name: "ix_oidc_tokens_reference_id",
                schema: "qadam",
                table: "oidc_tokens",
                newName: "IX_oidc_tokens_ReferenceId");

            migrationBuilder.RenameIndex(
                name: "ix_oidc_tokens_authorization_id",
                schema: "qadam",
                table: "oidc_tokens",
                newName: "IX_oidc_tokens_AuthorizationId");

            migrationBuilder.RenameIndex(
                name: "ix_oidc_tokens_application_id_status_subject_type",
                schema: "qadam",
                table: "oidc_tokens",
                newName: "IX_oidc_tokens_ApplicationId_Status_Subject_Type");

            migrationBuilder.RenameColumn(
                name: "resources",
                schema: "qadam",
                table: "oidc_scopes",
                newName: "Resources");

            migrationBuilder.RenameColumn(
                name: "properties",
                schema: "qadam",
                table: "oidc_scopes",
                newName: "Properties");

            migrationBuilder.RenameColumn(
                name: "name",
                schema: "qadam",
                table: "oidc_scopes",
                newName: "Name");

            migrationBuilder.RenameColumn(
                name: "descriptions",
                schema: "qadam",
                table: "oidc_scopes",
                newName: "Descriptions");

            migrationBuilder.RenameColumn(
                name: "description",
                schema: "qadam",
                table: "oidc_scopes",
                newName: "Description");

            migrationBuilder.RenameColumn(
                name: "id",
                schema: "qadam",
                table: "oidc_scopes",
                newName: "Id");

            migrationBuilder.RenameColumn(
                name: "display_names",
                schema: "qadam",
                table: "oidc_scopes",
                newName: "DisplayNames");

            migrationBuilder.RenameColumn(
                name: "display_name",
                schema: "qadam",
                table: "oidc_scopes",
                newName: "DisplayName");

            migrationBuilder.RenameColumn(
                name: "concurrency_token",
                schema: "qadam",
                table: "oidc_scopes",
                newName: "ConcurrencyToken");

            migrationBuilder.RenameIndex(
                name: "ix_oidc_scopes_name",
                schema: "qadam",
                table: "oidc_scopes",
                newName: "IX_oidc_scopes_Name");

            migrationBuilder.RenameColumn(
                name: "type",
                schema: "qadam",
                table: "oidc_authorizations",
                newName: "Type");

            migrationBuilder.RenameColumn(
                name: "subject",
                schema: "qadam",
                table: "oidc_authorizations",
                newName: "Subject");

            migrationBuilder.RenameColumn(
                name: "status",
                schema: "qadam",
                table: "oidc_authorizations",
                newName: "Status");

            migrationBuilder.RenameColumn(
                name: "scopes",
                schema: "qadam",
                table: "oidc_authorizations",
                newName: "Scopes");

            migrationBuilder.RenameColumn(
                name: "properties",
                schema: "qadam",
                table: "oidc_authorizations",
                newName: "Properties");

            migrationBuilder.RenameColumn(
                name: "id",
                schema: "qadam",
                table: "oidc_authorizations",
                newName: "Id");

            migrationBuilder.RenameColumn(
                name: "creation_date",
                schema: "qadam",
                table: "oidc_authorizations",
                newName: "CreationDate");

            migrationBuilder.RenameColumn(
                name: "concurrency_token",
                schema: "qadam",
                table: "oidc_authorizations",
                newName: "ConcurrencyToken");

            migrationBuilder.RenameColumn(
                name: "application_id",
                schema: "qadam",
                table: "oidc_authorizations",
                newName: "ApplicationId");

            migrationBuilder.RenameIndex(
                name: "ix_oidc_authorizations_application_id_status_subject_type",
                schema: "qadam",
                table: "oidc_authorizations",
                newName: "IX_oidc_authorizations_ApplicationId_Status_Subject_Type");

            migrationBuilder.RenameColumn(
                name: "settings",
                schema: "qadam",
                table: "oidc_applications",
                newName: "Settings");

            migrationBuilder.RenameColumn(
                name: "requirements",
                schema: "qadam",
                table: "oidc_applications",
                newName: "Requirements");

            migrationBuilder.RenameColumn(
                name: "properties",
                schema: "qadam",
                table: "oidc_applications",
                newName: "Properties");

            migrationBuilder.RenameColumn(
                name: "permissions",
                schema: "qadam",
                table: "oidc_applications",
                newName: "Permissions");

            migrationBuilder.RenameColumn(
                name: "id",
                schema: "qadam",
                table: "oidc_applications",
                newName: "Id");

            migrationBuilder.RenameColumn(
                name: "redirect_uris",
                schema: "qadam",
                table: "oidc_applications",
                newName: "RedirectUris");

            migrationBuilder.RenameColumn(
                name: "post_logout_redirect_uris",
                schema: "qadam",
                table: "oidc_applications",
                newName: "PostLogoutRedirectUris");

            migrationBuilder.RenameColumn(
                name: "json_web_key_set",
                schema: "qadam",
                table: "oidc_applications",
                newName: "JsonWebKeySet");

            migrationBuilder.RenameColumn(
                name: "display_names",
                schema: "qadam",
                table: "oidc_applications",
                newName: "DisplayNames");

            migrationBuilder.RenameColumn(
                name: "display_name",
                schema: "qadam",
                table: "oidc_applications",
                newName: "DisplayName");

            migrationBuilder.RenameColumn(
                name: "consent_type",
                schema: "qadam",
                table: "oidc_applications",
                newName: "ConsentType");

            migrationBuilder.RenameColumn(
                name: "concurrency_token",
                schema: "qadam",
                table: "oidc_applications",
                newName: "ConcurrencyToken");

            migrationBuilder.RenameColumn(
                name: "client_type",
                schema: "qadam",
                table: "oidc_applications",
                newName: "ClientType");

            migrationBuilder.RenameColumn(
                name: "client_secret",
                schema: "qadam",
                table: "oidc_applications",
                newName: "ClientSecret");

            migrationBuilder.RenameColumn(
                name: "client_id",
                schema: "qadam",
                table: "oidc_applications",
                newName: "ClientId");

            migrationBuilder.RenameColumn(
                name: "application_type",
                schema: "qadam",
                table: "oidc_applications",
                newName: "ApplicationType");

            migrationBuilder.RenameIndex(
                name: "ix_oidc_applications_client_id",
                schema: "qadam",
                table: "oidc_applications",
                newName: "IX_oidc_applications_ClientId");

            migrationBuilder.RenameColumn(
                name: "total",
                schema: "qadam",
                table: "mass_transfers",
                newName: "Total");

            migrationBuilder.RenameColumn(
                name: "status",
                schema: "qadam",
                table: "mass_transfers",
                newName: "Status");

            migrationBuilder.RenameColumn(
                name: "done",
                schema: "qadam",
                table: "mass_transfers",
                newName: "Done");

            migrationBuilder.RenameColumn(
                name: "direction",
                schema: "qadam",
                table: "mass_transfers",
                newName: "Direction");

            migrationBuilder.RenameColumn(
                name: "id",
                schema: "qadam",
                table: "mass_transfers",
                newName: "Id");

            migrationBuilder.RenameColumn(
                name: "started_at",
                schema: "qadam",
                table: "mass_transfers",
                newName: "StartedAt");

            migrationBuilder.RenameColumn(
                name: "period_to",
                schema: "qadam",
                table: "mass_transfers",
                newName: "PeriodTo");

            migrationBuilder.RenameColumn(
                name: "period_from",
                schema: "qadam",
                table: "mass_transfers",
                newName: "PeriodFrom");

            migrationBuilder.RenameColumn(
                name: "order_id",
                schema: "qadam",
                table: "mass_transfers",
                newName: "OrderId");

            migrationBuilder.RenameColumn(
                name: "instance_id",
                schema: "qadam",
                table: "mass_transfers",
                newName: "InstanceId");

            migrationBuilder.RenameColumn(
                name: "finished_at",
                schema: "qadam",
                table: "mass_transfers",
                newName: "FinishedAt");

            migrationBuilder.RenameColumn(
                name: "element_id",
                schema: "qadam",
                table: "mass_transfers",
                newName: "ElementId");

            migrationBuilder.RenameColumn(
                name: "definition_version",
                schema: "qadam",
                table: "mass_transfers",
                newName: "DefinitionVersion");

            migrationBuilder.RenameColumn(
                name: "definition_key",
                schema: "qadam",
                table: "mass_transfers",
                newName: "DefinitionKey");

            migrationBuilder.RenameIndex(
                name: "ix_mass_transfers_order_id",
                schema: "qadam",
                table: "mass_transfers",
                newName: "IX_mass_transfers_OrderId");

            migrationBuilder.RenameIndex(
                name: "ix_mass_transfers_instance_id_element_id",
                schema: "qadam",
                table: "mass_transfers",
                newName: "IX_mass_transfers_InstanceId_ElementId");

            migrationBuilder.RenameColumn(
                name: "total",
                schema: "qadam",
                table: "mass_transfer_schools",
                newName: "Total");

            migrationBuilder.RenameColumn(
                name: "status",
                schema: "qadam",
                table: "mass_transfer_schools",
                newName: "Status");

            migrationBuilder.RenameColumn(
                name: "done",
                schema: "qadam",
                table: "mass_transfer_schools",
                newName: "Done");

            migrationBuilder.RenameColumn(
                name: "finished_at",
                schema: "qadam",
                table: "mass_transfer_schools",
                newName: "FinishedAt");

            migrationBuilder.RenameColumn(
                name: "exclusion_reason_ru",
                schema: "qadam",
                table: "mass_transfer_schools",
                newName: "ExclusionReasonRu");

            migrationBuilder.RenameColumn(
                name: "exclusion_reason_kk",
                schema: "qadam",
                table: "mass_transfer_schools",
                newName: "ExclusionReasonKk");

            migrationBuilder.RenameColumn(
                name: "exclusion_legal_basis",
                schema: "qadam",
                table: "mass_transfer_schools",
                newName: "ExclusionLegalBasis");

            migrationBuilder.RenameColumn(
                name: "organisation_id",
                schema: "qadam",
                table: "mass_transfer_schools",
                newName: "OrganisationId");

            migrationBuilder.RenameColumn(
                name: "transfer_id",
                schema: "qadam",
                table: "mass_transfer_schools",
                newName: "TransferId");

            migrationBuilder.RenameIndex(
                name: "ix_mass_transfer_schools_organisation_id",
                schema: "qadam",
                table: "mass_transfer_schools",
                newName: "IX_mass_transfer_schools_OrganisationId");

            migrationBuilder.RenameColumn(
                name: "fingerprint",
                schema: "qadam",
                table: "idempotency_keys",
                newName: "Fingerprint");

            migrationBuilder.RenameColumn(
                name: "key",
                schema: "qadam",
                table: "idempotency_keys",
                newName: "Key");

            migrationBuilder.RenameColumn(
                name: "target",
                schema: "qadam",
                table: "idempotency_keys",
                newName: "Target");

            migrationBuilder.RenameColumn(
                name: "subject",
                schema: "qadam",
                table: "idempotency_keys",
                newName: "Subject");

            migrationBuilder.RenameColumn(
                name: "created_at",
                schema: "qadam",
                table: "idempotency_keys",
                newName: "CreatedAt");

            migrationBuilder.RenameColumn(
                name: "territory",
                schema: "qadam",
                table: "emergency_orders",
                newName: "Territory");

            migrationBuilder.RenameColumn(
                name: "organisations",
                schema: "qadam",
                table: "emergency_orders",
                newName: "Organisations");

            migrationBuilder.RenameColumn(
                name: "number",
                schema: "qadam",
                table: "emergency_orders",
                newName: "Number");

            migrationBuilder.RenameColumn(
                name: "ground",
                schema: "qadam",
                table: "emergency_orders",
                newName: "Ground");

            migrationBuilder.RenameColumn(
                name: "date",
                schema: "qadam",
                table: "emergency_orders",
                newName: "Date");

            migrationBuilder.RenameColumn(
                name: "classes",
                schema: "qadam",
                table: "emergency_orders",
                newName: "Classes");

            migrationBuilder.RenameColumn(
                name: "id",
                schema: "qadam",
                table: "emergency_orders",
                newName: "Id");

            migrationBuilder.RenameColumn(
                name: "process_instance_id",
                schema: "qadam",
                table: "emergency_orders",
                newName: "ProcessInstanceId");

            migrationBuilder.RenameColumn(
                name: "posted_by",
                schema: "qadam",
                table: "emergency_orders",
                newName: "PostedBy");

            migrationBuilder.RenameColumn(
                name: "posted_at",
                schema: "qadam",
                table: "emergency_orders",
                newName: "PostedAt");

            migrationBuilder.RenameColumn(
                name: "period_to",
                schema: "qadam",
                table: "emergency_orders",
                newName: "PeriodTo");

            migrationBuilder.RenameColumn(
                name: "period_from",
                schema: "qadam",
                table: "emergency_orders",
                newName: "PeriodFrom");

            migrationBuilder.RenameColumn(
                name: "pathway_key",
                schema: "qadam",
                table: "emergency_orders",
                newName: "PathwayKey");

            migrationBuilder.RenameColumn(
                name: "issuing_body",
                schema: "qadam",
                table: "emergency_orders",
                newName: "IssuingBody");

            migrationBuilder.RenameColumn(
                name: "issuer_name_ru",
                schema: "qadam",
                table: "emergency_orders",
                newName: "IssuerNameRu");

            migrationBuilder.RenameColumn(
                name: "issuer_name_kk",
                schema: "qadam",
                table: "emergency_orders",
                newName: "IssuerNameKk");

            migrationBuilder.RenameColumn(
                name: "definition_version",
                schema: "qadam",
                table: "emergency_orders",
                newName: "DefinitionVersion");

            migrationBuilder.RenameIndex(
                name: "ix_emergency_orders_issuing_body_number",
                schema: "qadam",
                table: "emergency_orders",
                newName: "IX_emergency_orders_IssuingBody_Number");

            migrationBuilder.RenameColumn(
                name: "pdf",
                schema: "qadam",
                table: "document_pdf_renditions",
                newName: "Pdf");

            migrationBuilder.RenameColumn(
                name: "source_sha256",
                schema: "qadam",
                table: "document_pdf_renditions",
                newName: "SourceSha256");

            migrationBuilder.RenameColumn(
                name: "rendered_at",
                schema: "qadam",
                table: "document_pdf_renditions",
                newName: "RenderedAt");

            migrationBuilder.RenameColumn(
                name: "document_id",
                schema: "qadam",
                table: "document_pdf_renditions",
                newName: "DocumentId");

            migrationBuilder.RenameColumn(
                name: "year",
                schema: "qadam",
                table: "cases",
                newName: "Year");

            migrationBuilder.RenameColumn(
                name: "status",
                schema: "qadam",
                table: "cases",
                newName: "Status");

            migrationBuilder.RenameColumn(
                name: "sequence",
                schema: "qadam",
                table: "cases",
                newName: "Sequence");

            migrationBuilder.RenameColumn(
                name: "number",
                schema: "qadam",
                table: "cases",
                newName: "Number");

            migrationBuilder.RenameColumn(
                name: "language",
                schema: "qadam",
                table: "cases",
                newName: "Language");

            migrationBuilder.RenameColumn(
                name: "ground",
                schema: "qadam",
                table: "cases",
                newName: "Ground");

            migrationBuilder.RenameColumn(
                name: "data",
                schema: "qadam",
                table: "cases",
                newName: "Data");

            migrationBuilder.RenameColumn(
                name: "id",
                schema: "qadam",
                table: "cases",
                newName: "Id");

            migrationBuilder.RenameColumn(
                name: "updated_at",
                schema: "qadam",
                table: "cases",
                newName: "UpdatedAt");

            migrationBuilder.RenameColumn(
                name: "student_id",
                schema: "qadam",
                table: "cases",
                newName: "StudentId");

            migrationBuilder.RenameColumn(
                name: "process_instance_id",
                schema: "qadam",
                table: "cases",
                newName: "ProcessInstanceId");

            migrationBuilder.RenameColumn(
                name: "pathway_key",
                schema: "qadam",
                table: "cases",
                newName: "PathwayKey");

            migrationBuilder.RenameColumn(
                name: "organisation_id",
                schema: "qadam",
                table: "cases",
                newName: "OrganisationId");

            migrationBuilder.RenameColumn(
                name: "idempotency_key",
                schema: "qadam",
                table: "cases",
                newName: "IdempotencyKey");

            migrationBuilder.RenameColumn(
                name: "filed_on",
                schema: "qadam",
                table: "cases",
                newName: "FiledOn");

            migrationBuilder.RenameColumn(
                name: "definition_version",
                schema: "qadam",
                table: "cases",
                newName: "DefinitionVersion");

            migrationBuilder.RenameColumn(
                name: "created_at",
                schema: "qadam",
                table: "cases",
                newName: "CreatedAt");

            migrationBuilder.RenameColumn(
                name: "applicant_name",
                schema: "qadam",
                table: "cases",
                newName: "ApplicantName");

            migrationBuilder.RenameColumn(
                name: "applicant_id",
                schema: "qadam",
                table: "cases",
                newName: "ApplicantId");

            migrationBuilder.RenameIndex(
                name: "ix_cases_number",
                schema: "qadam",
                table: "cases",
                newName: "IX_cases_Number");

            migrationBuilder.RenameIndex(
                name: "ix_cases_student_id",
                schema: "qadam",
                table: "cases",
                newName: "IX_cases_StudentId");

            migrationBuilder.RenameIndex(
                name: "ix_cases_process_instance_id",
                schema: "qadam",
                table: "cases",
                newName: "IX_cases_ProcessInstanceId");

            migrationBuilder.RenameIndex(
                name: "ix_cases_organisation_id_year_sequence",
                schema: "qadam",
                table: "cases",
                newName: "IX_cases_OrganisationId_Year_Sequence");

            migrationBuilder.RenameIndex(
                name: "ix_cases_organisation_id_status_filed_on",
                schema: "qadam",
                table: "cases",
                newName: "IX_cases_OrganisationId_Status_FiledOn");

            migrationBuilder.RenameColumn(
                name: "text_ru",
                schema: "qadam",
                table: "case_notices",
                newName: "TextRu");

            migrationBuilder.RenameColumn(
                name: "text_kk",
                schema: "qadam",
                table: "case_notices",
                newName: "TextKk");

            migrationBuilder.RenameColumn(
                name: "student_id",
                schema: "qadam",
                table: "case_notices",
                newName: "StudentId");

            migrationBuilder.RenameColumn(
                name: "legal_basis",
                schema: "qadam",
                table: "case_notices",
                newName: "LegalBasis");

            migrationBuilder.RenameColumn(
                name: "element_id",
                schema: "qadam",
                table: "case_notices",
                newName: "ElementId");

            migrationBuilder.RenameColumn(
                name: "created_at",
                schema: "qadam",
                table: "case_notices",
                newName: "CreatedAt");

            migrationBuilder.RenameColumn(
                name: "case_id",
                schema: "qadam",
                table: "case_notices",
                newName: "CaseId");

            migrationBuilder.RenameColumn(
                name: "message_id",
                schema: "qadam",
                table: "case_notices",
                newName: "MessageId");

            migrationBuilder.RenameIndex(
                name: "ix_case_notices_student_id",
                schema: "qadam",
                table: "case_notices",
                newName: "IX_case_notices_StudentId");

            migrationBuilder.RenameIndex(
                name: "ix_case_notices_case_id",
                schema: "qadam",
                table: "case_notices",
                newName: "IX_case_notices_CaseId");

            migrationBuilder.RenameColumn(
                name: "sha256",
                schema: "qadam",
                table: "case_evidence",
                newName: "Sha256");

            migrationBuilder.RenameColumn(
                name: "length",
                schema: "qadam",
                table: "case_evidence",
                newName: "Length");

            migrationBuilder.RenameColumn(
                name: "content",
                schema: "qadam",
                table: "case_evidence",
                newName: "Content");

            migrationBuilder.RenameColumn(
                name: "id",
                schema: "qadam",
                table: "case_evidence",
                newName: "Id");

            migrationBuilder.RenameColumn(
                name: "uploaded_by",
                schema: "qadam",
                table: "case_evidence",
                newName: "UploadedBy");

            migrationBuilder.RenameColumn(
                name: "uploaded_at",
                schema: "qadam",
                table: "case_evidence",
                newName: "UploadedAt");

            migrationBuilder.RenameColumn(
                name: "media_type",
                schema: "qadam",
                table: "case_evidence",
                newName: "MediaType");

            migrationBuilder.RenameColumn(
                name: "file_name",
                schema: "qadam",
                table: "case_evidence",
                newName: "FileName");

            migrationBuilder.RenameColumn(
                name: "case_id",
                schema: "qadam",
                table: "case_evidence",
                newName: "CaseId");

            migrationBuilder.RenameIndex(
                name: "ix_case_evidence_case_id",
                schema: "qadam",
                table: "case_evidence",
                newName: "IX_case_evidence_CaseId");

            migrationBuilder.RenameColumn(
                name: "year",
                schema: "qadam",
                table: "case_counters",
                newName: "Year");

            migrationBuilder.RenameColumn(
                name: "last_sequence",
                schema: "qadam",
                table: "case_counters",
                newName: "LastSequence");

            migrationBuilder.RenameColumn(
                name: "organisation_id",
                schema: "qadam",
                table: "case_counters",
                newName: "OrganisationId");

            migrationBuilder.RenameColumn(
                name: "role",
                schema: "qadam",
                table: "audit_events",
                newName: "Role");

            migrationBuilder.RenameColumn(
                name: "hash",
                schema: "qadam",
                table: "audit_events",
                newName: "Hash");

            migrationBuilder.RenameColumn(
                name: "actor",
                schema: "qadam",
                table: "audit_events",
                newName: "Actor");

            migrationBuilder.RenameColumn(
                name: "action",
                schema: "qadam",
                table: "audit_events",
                newName: "Action");

            migrationBuilder.RenameColumn(
                name: "sequence",
                schema: "qadam",
                table: "audit_events",
                newName: "Sequence");

            migrationBuilder.RenameColumn(
                name: "process_version",
                schema: "qadam",
                table: "audit_events",
                newName: "ProcessVersion");

            migrationBuilder.RenameColumn(
                name: "process_key",
                schema: "qadam",
                table: "audit_events",
                newName: "ProcessKey");

            migrationBuilder.RenameColumn(
                name: "previous_hash",
                schema: "qadam",
                table: "audit_events",
                newName: "PreviousHash");

            migrationBuilder.RenameColumn(
                name: "payload_digest",
                schema: "qadam",
                table: "audit_events",
                newName: "PayloadDigest");

            migrationBuilder.RenameColumn(
                name: "organisation_code",
                schema: "qadam",
                table: "audit_events",
                newName: "OrganisationCode");

            migrationBuilder.RenameColumn(
                name: "occurred_at",
                schema: "qadam",
                table: "audit_events",
                newName: "OccurredAt");

            migrationBuilder.RenameColumn(
                name: "legal_basis",
                schema: "qadam",
                table: "audit_events",
                newName: "LegalBasis");

            migrationBuilder.RenameColumn(
                name: "case_id",
                schema: "qadam",
                table: "audit_events",
                newName: "CaseId");

            migrationBuilder.RenameIndex(
                name: "ix_audit_events_case_id",
                schema: "qadam",
                table: "audit_events",
                newName: "IX_audit_events_CaseId");

        }
    }
}
