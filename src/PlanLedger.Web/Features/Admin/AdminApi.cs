using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using PlanLedger.Web.Data;
using PlanLedger.Web.Features.Common;
using PlanLedger.Web.Security;

using PlanLedger.Web.Features.Shared;

namespace PlanLedger.Web.Features.Admin;

public sealed record MergeRequest(int IntoId);

/// <summary>/api/v1 organisations, units and users (administration).</summary>
public static class AdminApi
{
    public static RouteGroupBuilder MapAdminApi(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("").RequireAuthorization(LedgerApp.ApiPolicy).WithTags("Directory");
        g.MapPost("/organisations", async (OrganisationInput input, HttpContext http, DirectoryService dir, CancellationToken ct) =>
            Created(await dir.CreateOrganisationAsync(http.Me(), input, ct), "/api/v1/organisations"));
        g.MapGet("/units", async (HttpContext http, LedgerDbContext db, CancellationToken ct) =>
        {
            var me = http.Me();
            return TypedResults.Ok((await db.Units.Where(u => u.OrganisationId == me.OrganisationId && u.MergedIntoId == null)
                .Select(u => new UnitDto(u.Id, u.OrganisationId, u.Name, u.Kind.ToString(), u.Aliases, u.MergedIntoId, u.Version))
                .ToListAsync(ct)).Sort(u => u.Name).ToList());
        });
        g.MapPost("/units", async (UnitInput input, HttpContext http, DirectoryService dir, CancellationToken ct) =>
            Created(await dir.CreateUnitAsync(http.Me(), input, ct), "/api/v1/units"));
        g.MapPost("/units/{id:int}/merge", async (int id, MergeRequest body, HttpContext http, DirectoryService dir, CancellationToken ct) =>
        {
            var r = await dir.MergeAsync(http.Me(), id, body.IntoId, ct);
            return r.Error is { } e ? (Results<Ok<UnitDto>, ProblemHttpResult>)Problems.From(e) : TypedResults.Ok(r.Value!);
        });
        g.MapGet("/organisations", async (HttpContext http, LedgerDbContext db, CancellationToken ct) =>
            TypedResults.Ok(UnitDirectory.Tree(await Access.VisibleOrganisations(db.Organisations, http.Me()).AsNoTracking().ToListAsync(ct))
                .Select(x => new { x.Org.Id, x.Org.Name, x.Org.ParentId, Level = x.Org.Level.ToString(), x.Org.TimeZone, x.Depth, x.Org.Version })));
        g.MapPut("/organisations/{id:int}", async (int id, OrganisationUpdate input, HttpContext http, UnitDirectory units, CancellationToken ct) =>
            Ok(await units.UpdateOrganisationAsync(http.Me(), id, input with { Version = Concurrency.IfMatch(http, input.Version) }, ct)));
        g.MapPost("/units/{id:int}/rename", async (int id, UnitRename input, HttpContext http, UnitDirectory units, CancellationToken ct) =>
            Ok(await units.RenameAsync(http.Me(), id, input with { Version = Concurrency.IfMatch(http, input.Version) }, ct)));
        g.MapGet("/units/{id:int}/usage", async (int id, HttpContext http, UnitDirectory units, CancellationToken ct) =>
            Ok(await units.MergePreviewAsync(http.Me(), id, ct)));
        g.MapDelete("/units/{id:int}", async (int id, HttpContext http, UnitDirectory units, CancellationToken ct) =>
            await units.DeleteAsync(http.Me(), id, ct) is { } e ? (Results<NoContent, ProblemHttpResult>)Problems.From(e) : TypedResults.NoContent());
        g.MapPost("/users", async (UserInput input, HttpContext http, DirectoryService dir, CancellationToken ct) =>
            Created(await dir.CreateUserAsync(http.Me(), input, ct), "/api/v1/users"));
        g.MapGet("/users/{id:int}", async (int id, HttpContext http, DirectoryService dir, CancellationToken ct) =>
            Ok(await dir.GetUserAsync(http.Me(), id, ct)));
        g.MapPut("/users/{id:int}", async (int id, UserUpdate input, HttpContext http, DirectoryService dir, CancellationToken ct) =>
            Ok(await dir.UpdateUserAsync(http.Me(), id, input with { Version = Concurrency.IfMatch(http, input.Version) }, ct)));
        g.MapPut("/units/{id:int}", async (int id, UnitUpdate input, HttpContext http, DirectoryService dir, CancellationToken ct) =>
            Ok(await dir.UpdateAliasesAsync(http.Me(), id, input.Aliases, ct, Concurrency.IfMatch(http, input.Version))));
        g.MapPost("/users/{id:int}/password", async (int id, PasswordInput input, HttpContext http, DirectoryService dir, CancellationToken ct) =>
            Ok(await dir.ResetPasswordAsync(http.Me(), id, input.Password, ct)));
        g.MapPost("/users/{id:int}/unlock", async (int id, HttpContext http, DirectoryService dir, CancellationToken ct) =>
            Ok(await dir.UnlockAsync(http.Me(), id, ct)));
        g.MapPost("/users/{id:int}/deactivate", async (int id, HttpContext http, DirectoryService dir, CancellationToken ct) =>
            Ok(await dir.SetActiveAsync(http.Me(), id, false, ct)));
        g.MapPost("/users/{id:int}/reactivate", async (int id, HttpContext http, DirectoryService dir, CancellationToken ct) =>
            Ok(await dir.SetActiveAsync(http.Me(), id, true, ct)));
        g.MapPost("/users/{id:int}/signout", async (int id, HttpContext http, DirectoryService dir, CancellationToken ct) =>
            Ok(await dir.SignOutEverywhereAsync(http.Me(), id, ct)));
        return api;
    }

    private static Results<Ok<T>, ProblemHttpResult> Ok<T>(Outcome<T> r) =>
        r.Error is { } e ? Problems.From(e) : TypedResults.Ok(r.Value!);

    private static Results<Created<T>, ProblemHttpResult> Created<T>(Outcome<T> r, string location) =>
        r.Error is { } e ? Problems.From(e) : TypedResults.Created(location, r.Value);
}
