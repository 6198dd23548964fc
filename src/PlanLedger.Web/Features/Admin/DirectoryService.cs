using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using PlanLedger.Web.Data;
using PlanLedger.Web.Data.Entities;
using PlanLedger.Web.Features.Common;
using PlanLedger.Web.Security;

namespace PlanLedger.Web.Features.Admin;

public sealed record OrganisationInput([TextLimit(typeof(Organisation), nameof(Organisation.Name))] string? Name, int? ParentId, OrganisationLevel Level);
public sealed record UnitInput([TextLimit(typeof(Unit), nameof(Unit.Name))] string? Name, UnitKind Kind,
    [TextLimit(typeof(Unit), nameof(Unit.Aliases))] string? Aliases, int? OrganisationId);
public sealed record UserInput([TextLimit(typeof(AppUser), nameof(AppUser.UserName))] string? UserName,
    [TextLimit(PasswordRules.MaxLength)] string? Password, [TextLimit(typeof(AppUser), nameof(AppUser.DisplayName))] string? DisplayName, UserRole Role, int? OrganisationId, int? UnitId);
public sealed record OrganisationDto(int Id, string Name, int? ParentId, string Level, string? TimeZone = null, int Version = 0);
public sealed record UnitDto(int Id, int OrganisationId, string Name, string Kind, string Aliases, int? MergedIntoId, int Version = 0);
public sealed record UserDto(int Id, string UserName, string DisplayName, string Role, int OrganisationId, int? UnitId,
    bool Active = true, bool LockedOut = false, int Version = 0);
/// <summary>Edit of a user: null display name or organisation keeps the current one; the unit is set as given (null = none).</summary>
/// <remarks><paramref name="Version"/>: the version read (or an If-Match header); an older one is 409 with the current values.</remarks>
public sealed record UserUpdate([TextLimit(typeof(AppUser), nameof(AppUser.DisplayName))] string? DisplayName, UserRole Role, int? OrganisationId, int? UnitId,
    int? Version = null);
/// <summary>Edit of a unit's aliases, with the version read.</summary>
public sealed record UnitUpdate([TextLimit(typeof(Unit), nameof(Unit.Aliases))] string? Aliases, int? Version = null);
public sealed record PasswordInput([TextLimit(PasswordRules.MaxLength)] string? Password);

/// <summary>Organisations, units (with aliases and merge) and users.</summary>
public sealed class DirectoryService(LedgerDbContext db, UserManager<AppUser> users, TimeProvider clock, IAuditActor actor)
{
    /// <summary>The longest unit name, created one by one or many at once.</summary>
    private const int MaxUnitName = 200;

    private async Task<Failure?> Check(CurrentUser me, int orgId, LedgerAction action, CancellationToken ct)
    {
        var path = await db.Organisations.Where(o => o.Id == orgId).Select(o => o.Path).FirstOrDefaultAsync(ct);
        if (path is null) return Failure.NotFound("组织不存在");
        return Problems.FromDecision(Access.Decide(me, action, new Resource(orgId, path)));
    }

    public async Task<Outcome<OrganisationDto>> CreateOrganisationAsync(CurrentUser me, OrganisationInput input, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(input.Name)) return Failure.BadRequest("名称不能为空");
        if (input.Name.Trim().Length > 200) return Failure.BadRequest("名称不超过 200 字");
        if (!Enum.IsDefined(input.Level)) return Failure.BadRequest("组织级别无效");
        var parentId = input.ParentId ?? me.OrganisationId;
        if (await Check(me, parentId, LedgerAction.ManageOrganisations, ct) is { } f) return f;
        var parent = await db.Organisations.FirstAsync(o => o.Id == parentId, ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var org = new Organisation { Name = input.Name.Trim(), ParentId = parentId, Level = input.Level, CreatedAt = clock.GetUtcNow() };
        db.Organisations.Add(org);
        await db.SaveChangesAsync(ct);
        org.Path = $"{parent.Path}{org.Id}/";
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return new OrganisationDto(org.Id, org.Name, org.ParentId, org.Level.ToString());
    }

    public async Task<Outcome<UnitDto>> CreateUnitAsync(CurrentUser me, UnitInput input, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(input.Name)) return Failure.BadRequest("单位名称不能为空");
        if (input.Name.Trim().Length > MaxUnitName || (input.Aliases?.Length ?? 0) > 1000) return Failure.BadRequest("名称或别名过长");
        if (!Enum.IsDefined(input.Kind)) return Failure.BadRequest("单位类型无效");
        var orgId = input.OrganisationId ?? me.OrganisationId;
        if (await Check(me, orgId, LedgerAction.ManageUnits, ct) is { } f) return f;
        var name = input.Name.Trim();
        if (await db.Units.AnyAsync(u => u.OrganisationId == orgId && u.Name == name && u.MergedIntoId == null, ct))
            return Failure.Conflict("单位已存在");
        var unit = new Unit { OrganisationId = orgId, Name = name, Kind = input.Kind, Aliases = CleanAliases(input.Aliases), CreatedAt = clock.GetUtcNow() };
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.Units.Add(unit);
        await db.SaveChangesAsync(ct);
        await RelinkAsync(unit, ct);
        await tx.CommitAsync(ct);
        return Dto(unit);
    }

    /// <summary>
    /// Several units of one kind at once, by name, in one transaction (all or none): each name not yet a unit of the
    /// organisation becomes one, and every unmapped link with that name maps onto it. Returns the units made; names
    /// already units, blank or repeated are skipped.
    /// </summary>
    public async Task<Outcome<IReadOnlyList<UnitDto>>> CreateUnitsAsync(CurrentUser me, int orgId, IReadOnlyCollection<string> names, UnitKind kind,
        CancellationToken ct = default)
    {
        if (!Enum.IsDefined(kind)) return Failure.BadRequest("单位类型无效");
        if (await Check(me, orgId, LedgerAction.ManageUnits, ct) is { } f) return f;
        var wanted = names.Select(n => n.Trim()).Where(n => n.Length > 0).Distinct().ToList();
        if (wanted.Any(n => n.Length > MaxUnitName)) return Failure.BadRequest("名称或别名过长");
        var existing = (await db.Units.Where(u => u.OrganisationId == orgId && wanted.Contains(u.Name) && u.MergedIntoId == null)
            .Select(u => u.Name).ToListAsync(ct)).ToHashSet();
        var made = wanted.Where(n => !existing.Contains(n))
            .Select(n => new Unit { OrganisationId = orgId, Name = n, Kind = kind, Aliases = "", CreatedAt = clock.GetUtcNow() }).ToList();
        if (made.Count == 0) return new(Array.Empty<UnitDto>(), null);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.Units.AddRange(made);
        await db.SaveChangesAsync(ct);
        foreach (var unit in made) await RelinkAsync(unit, ct);
        await tx.CommitAsync(ct);
        return new(made.Select(Dto).ToList(), null);
    }

    public async Task<Outcome<UnitDto>> UpdateAliasesAsync(CurrentUser me, int unitId, string? aliases, CancellationToken ct = default, int? version = null)
    {
        var unit = await db.Units.FirstOrDefaultAsync(u => u.Id == unitId, ct);
        if (unit is null) return Failure.NotFound();
        if (await Check(me, unit.OrganisationId, LedgerAction.ManageUnits, ct) is { } f) return f;
        if ((aliases?.Length ?? 0) > 1000) return Failure.BadRequest("别名过长");
        if (Concurrency.Check(unit, version, Dto) is { } stale) return stale;
        unit.Aliases = CleanAliases(aliases);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (await db.SaveAsync(unit, Dto, ct) is { } lost) return lost;
        await RelinkAsync(unit, ct);
        await tx.CommitAsync(ct);
        return Dto(unit);
    }

    /// <summary>Merges a unit into another of the same organisation: links, users and reports move; names become aliases.</summary>
    public async Task<Outcome<UnitDto>> MergeAsync(CurrentUser me, int fromId, int intoId, CancellationToken ct = default)
    {
        var from = await db.Units.FirstOrDefaultAsync(u => u.Id == fromId, ct);
        var into = await db.Units.FirstOrDefaultAsync(u => u.Id == intoId, ct);
        if (from is null || into is null) return Failure.NotFound("单位不存在");
        if (from.Id == into.Id || from.OrganisationId != into.OrganisationId || into.MergedIntoId is not null)
            return Failure.BadRequest("只能合并同一组织内的两个不同单位");
        if (await Check(me, from.OrganisationId, LedgerAction.ManageUnits, ct) is { } f) return f;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        // Tracked changes, not bulk updates: every moved link, user and report gets its audit row (same transaction).
        // A task linked to both keeps the one link to the unit merged into (a unit is linked to a task at most once).
        var both = (await db.TaskUnits.Where(x => x.UnitId == into.Id).Select(x => x.TaskId).ToListAsync(ct)).ToHashSet();
        foreach (var link in await db.TaskUnits.Where(x => x.UnitId == from.Id).ToListAsync(ct))
            if (both.Contains(link.TaskId)) db.TaskUnits.Remove(link); else link.UnitId = into.Id;
        foreach (var user in await db.Users.Where(x => x.UnitId == from.Id).ToListAsync(ct)) user.UnitId = into.Id;
        foreach (var report in await db.Reports.Where(x => x.UnitId == from.Id).ToListAsync(ct)) report.UnitId = into.Id;
        db.Notifications.RemoveRange(await db.Notifications.Where(x => x.UnitId == from.Id).ToListAsync(ct));
        into.Aliases = PlanLedger.Web.Features.Plans.PlanImporter.Clip(
            CleanAliases(string.Join("|", into.AliasList().Append(from.Name).Concat(from.AliasList()))), 1000)!;
        from.MergedIntoId = into.Id;
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return Dto(into);
    }

    public async Task<Outcome<UserDto>> CreateUserAsync(CurrentUser me, UserInput input, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(input.UserName) || string.IsNullOrEmpty(input.Password))
            return Failure.BadRequest("用户名和密码必填");
        if (input.UserName.Trim().Length > 100 || (input.DisplayName?.Trim().Length ?? 0) > 100)
            return Failure.BadRequest("用户名或姓名过长");
        if (!Enum.IsDefined(input.Role)) return Failure.BadRequest("角色无效");
        var orgId = input.OrganisationId ?? me.OrganisationId;
        if (await Check(me, orgId, LedgerAction.ManageUsers, ct) is { } f) return f;
        if (input.UnitId is { } uid && !await db.Units.AnyAsync(u => u.Id == uid && u.OrganisationId == orgId && u.MergedIntoId == null, ct))
            return Failure.BadRequest("单位不属于该组织");
        if (input.Role == UserRole.Reporter && input.UnitId is null)
            return Failure.BadRequest("单位联络员必须选择单位");
        if (await users.FindByNameAsync(input.UserName.Trim()) is not null) return Failure.Conflict("用户名已存在");
        var user = new AppUser
        {
            UserName = input.UserName.Trim(), DisplayName = (input.DisplayName ?? input.UserName).Trim(), Role = input.Role,
            OrganisationId = orgId, UnitId = input.UnitId, CreatedAt = clock.GetUtcNow(),
        };
        var result = await users.CreateAsync(user, input.Password);
        if (!result.Succeeded)
            return Failure.BadRequest("无法创建用户", string.Join("; ", result.Errors.Select(e => e.Description)));
        return UserDto(user);
    }

    /// <summary>The user if the caller may manage users of its organisation (another organisation's user → 404).</summary>
    private async Task<Outcome<AppUser>> ManagedUser(CurrentUser me, int userId, CancellationToken ct)
    {
        var user = await db.Users.FirstOrDefaultAsync(u => u.Id == userId, ct);
        if (user is null) return Failure.NotFound("用户不存在");
        if (await Check(me, user.OrganisationId, LedgerAction.ManageUsers, ct) is { } f)
            return f.Status == 404 ? Failure.NotFound("用户不存在") : f;
        return user;
    }

    public async Task<Outcome<UserDto>> GetUserAsync(CurrentUser me, int userId, CancellationToken ct = default)
    {
        var r = await ManagedUser(me, userId, ct);
        return r.Error is { } e ? e : UserDto(r.Value!);
    }

    /// <summary>Another active administrator exists (the last one can be neither deactivated nor demoted).</summary>
    private Task<bool> AnotherActiveAdmin(int userId, CancellationToken ct) =>
        db.Users.AnyAsync(u => u.Id != userId && u.Role == UserRole.Admin && u.DeactivatedAt == null, ct);

    public async Task<Outcome<UserDto>> UpdateUserAsync(CurrentUser me, int userId, UserUpdate input, CancellationToken ct = default)
    {
        var r = await ManagedUser(me, userId, ct);
        if (r.Error is { } e) return e;
        var user = r.Value!;
        if ((input.DisplayName?.Trim().Length ?? 0) > 100) return Failure.BadRequest("姓名过长");
        if (!Enum.IsDefined(input.Role)) return Failure.BadRequest("角色无效");
        var orgId = input.OrganisationId ?? user.OrganisationId;
        if (orgId != user.OrganisationId && await Check(me, orgId, LedgerAction.ManageUsers, ct) is { } f) return f;
        if (input.UnitId is { } uid && !await db.Units.AnyAsync(u => u.Id == uid && u.OrganisationId == orgId && u.MergedIntoId == null, ct))
            return Failure.BadRequest("单位不属于该组织");
        if (input.Role == UserRole.Reporter && input.UnitId is null)
            return Failure.BadRequest("单位联络员必须选择本组织的单位");
        if (user.Role == UserRole.Admin && input.Role != UserRole.Admin && user.Active && !await AnotherActiveAdmin(user.Id, ct))
            return Failure.Conflict("不能更改最后一个管理员的角色");
        if (Concurrency.Check(user, input.Version, UserDto) is { } stale) return stale;
        if (!string.IsNullOrWhiteSpace(input.DisplayName)) user.DisplayName = input.DisplayName.Trim();
        user.Role = input.Role;
        user.OrganisationId = orgId;
        user.UnitId = input.UnitId;
        if (await db.SaveAsync(user, UserDto, ct) is { } lost) return lost;
        return UserDto(user);
    }

    /// <summary>Sets a new password chosen by the administrator (Identity's password rules apply); unlocks the account.</summary>
    public async Task<Outcome<UserDto>> ResetPasswordAsync(CurrentUser me, int userId, string? password, CancellationToken ct = default)
    {
        var r = await ManagedUser(me, userId, ct);
        if (r.Error is { } e) return e;
        var user = r.Value!;
        if (string.IsNullOrEmpty(password)) return Failure.BadRequest("新密码必填");
        var errors = new List<string>();
        foreach (var v in users.PasswordValidators)
        {
            var result = await v.ValidateAsync(users, user, password);
            if (!result.Succeeded) errors.AddRange(result.Errors.Select(x => x.Description));
        }
        if (errors.Count > 0) return Failure.BadRequest("密码不符合要求", string.Join("; ", errors));
        user.PasswordHash = users.PasswordHasher.HashPassword(user, password);
        user.AccessFailedCount = 0;
        user.LockoutEnd = null;
        db.Note(actor, clock.GetUtcNow(), user, "password_reset");
        var update = await users.UpdateSecurityStampAsync(user);
        if (!update.Succeeded) return Failure.Conflict(string.Join("; ", update.Errors.Select(x => x.Description)));
        return UserDto(user);
    }

    /// <summary>Lifts a lockout after too many wrong passwords.</summary>
    public async Task<Outcome<UserDto>> UnlockAsync(CurrentUser me, int userId, CancellationToken ct = default)
    {
        var r = await ManagedUser(me, userId, ct);
        if (r.Error is { } e) return e;
        var user = r.Value!;
        user.LockoutEnd = null;
        user.AccessFailedCount = 0;
        db.Note(actor, clock.GetUtcNow(), user, "unlocked");
        await db.SaveChangesAsync(ct);
        return UserDto(user);
    }

    /// <summary>Deactivates (停用) or reactivates an account; the last active administrator stays active (409).</summary>
    public async Task<Outcome<UserDto>> SetActiveAsync(CurrentUser me, int userId, bool active, CancellationToken ct = default)
    {
        var r = await ManagedUser(me, userId, ct);
        if (r.Error is { } e) return e;
        var user = r.Value!;
        if (user.Active == active) return UserDto(user);
        if (!active && user.Role == UserRole.Admin && !await AnotherActiveAdmin(user.Id, ct))
            return Failure.Conflict("不能停用最后一个管理员");
        user.DeactivatedAt = active ? null : clock.GetUtcNow();
        // A new security stamp ends the deactivated person's cookie sessions at their next validation.
        var update = await users.UpdateSecurityStampAsync(user);
        if (!update.Succeeded) return Failure.Conflict(string.Join("; ", update.Errors.Select(x => x.Description)));
        return UserDto(user);
    }

    /// <summary>
    /// Ends every session of a user — bearer tokens and cookies alike — by giving them a new security stamp.
    /// Anyone may do it for themselves; for another user it takes <see cref="LedgerAction.ManageUsers"/>.
    /// </summary>
    public async Task<Outcome<UserDto>> SignOutEverywhereAsync(CurrentUser me, int userId, CancellationToken ct = default)
    {
        AppUser user;
        if (userId == me.Id)
        {
            var self = await db.Users.FirstOrDefaultAsync(u => u.Id == userId, ct);
            if (self is null) return Failure.NotFound("用户不存在");
            user = self;
        }
        else
        {
            var r = await ManagedUser(me, userId, ct);
            if (r.Error is { } e) return e;
            user = r.Value!;
        }
        db.Note(actor, clock.GetUtcNow(), user, "signed_out_all");
        var update = await users.UpdateSecurityStampAsync(user);
        if (!update.Succeeded) return Failure.Conflict(string.Join("; ", update.Errors.Select(x => x.Description)));
        return UserDto(user);
    }

    private UserDto UserDto(AppUser u) => new(u.Id, u.UserName ?? "", u.DisplayName, u.Role.ToString(), u.OrganisationId, u.UnitId,
        u.Active, u.LockoutEnd is { } end && end > clock.GetUtcNow(), u.Version);

    /// <summary>
    /// Links task unit names as written that match this unit's name or aliases and are not mapped yet
    /// (tracked changes: each new link is audited).
    /// </summary>
    private async Task RelinkAsync(Unit unit, CancellationToken ct)
    {
        var names = unit.AliasList().Append(unit.Name).Distinct().ToList();
        var links = await db.TaskUnits.Where(x => x.UnitId == null && names.Contains(x.Name) && x.Task!.Plan!.OrganisationId == unit.OrganisationId)
            .ToListAsync(ct);
        if (links.Count == 0) return;
        // A task already linked to the unit (or with two names of it) keeps one link; the other names stay unmapped.
        var linked = (await db.TaskUnits.Where(x => x.UnitId == unit.Id).Select(x => x.TaskId).ToListAsync(ct)).ToHashSet();
        foreach (var link in links)
            if (linked.Add(link.TaskId)) link.UnitId = unit.Id;
        await db.SaveChangesAsync(ct);
    }

    private static string CleanAliases(string? s) => string.Join("|",
        (s ?? "").Split(['|', ',', '，', '、', ';', '；', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct());

    private static UnitDto Dto(Unit u) => new(u.Id, u.OrganisationId, u.Name, u.Kind.ToString(), u.Aliases, u.MergedIntoId, u.Version);
}
