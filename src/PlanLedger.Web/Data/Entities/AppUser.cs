using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;

namespace PlanLedger.Web.Data.Entities;

/// <summary>A person who signs in. Belongs to one organisation and, for reporters, to one unit.</summary>
public sealed class AppUser : IdentityUser<int>, IVersioned
{
    /// <summary>Grows with every edit; sent back by pages and API to detect a stale write (409).</summary>
    public int Version { get; set; }
    /// <summary>Sign-in bookkeeping (failed attempts, lockout, stamps, hash) is not an edit of the account.</summary>
    public static readonly string[] Derived = [nameof(AccessFailedCount), nameof(LockoutEnd), nameof(SecurityStamp),
        nameof(ConcurrencyStamp), nameof(PasswordHash), nameof(LockoutEnabled), nameof(Language)];
    public string DisplayName { get; set; } = "";
    public int OrganisationId { get; set; }
    public Organisation? Organisation { get; set; }
    public int? UnitId { get; set; }
    public Unit? Unit { get; set; }
    public UserRole Role { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    /// <summary>When an administrator deactivated the account (停用); null while active. A deactivated user cannot sign in.</summary>
    public DateTimeOffset? DeactivatedAt { get; set; }
    public bool Active => DeactivatedAt is null;
    /// <summary>The UI language the person last chose ("zh-CN" or "en"; null: zh-CN): their e-mails are written in it.</summary>
    public string? Language { get; set; }

    /// <summary>Changes to these end every session of the user (a new security stamp is written with them).</summary>
    public static readonly string[] SessionProperties =
        [nameof(PasswordHash), nameof(Role), nameof(OrganisationId), nameof(UnitId), nameof(DeactivatedAt)];

    public static string NewSecurityStamp() => Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(20));
}

/// <summary>管理员 admin, 督查室 office, 单位联络员 unit reporter, 领导 leader, 只读 viewer.</summary>
public enum UserRole { [Display(Name = "管理员")] Admin, [Display(Name = "督查室")] Office, [Display(Name = "单位联络员")] Reporter, [Display(Name = "领导")] Leader, [Display(Name = "只读")] Viewer }
