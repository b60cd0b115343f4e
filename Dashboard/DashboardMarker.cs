namespace CafeMenu.Dashboard;

internal static class DashboardMarker;
