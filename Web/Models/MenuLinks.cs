namespace CafeMenu.Web.Models;

/// <summary>Links to pages about one product. Names go in the query string: they may hold '/', '?' or '#'.</summary>
public static class MenuLinks
{
    public static string Edit(string productName) => "manage/edit?name=" + Uri.EscapeDataString(productName);

    public static string Search(string productName) => "?q=" + Uri.EscapeDataString(productName);
}
