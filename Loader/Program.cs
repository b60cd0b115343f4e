using CafeMenu.Loader;

return await LoaderApp.RunAsync(args);
