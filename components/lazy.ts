import { h, type ComponentType, type JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';

/**
 * A component whose code is loaded the first time it is shown (a `import()` of its module), so a page's
 * first screen does not wait for screens the operator may never open. Until it has loaded, `fallback`.
 */
export function lazy<P extends object>(load: () => Promise<ComponentType<P>>, fallback: () => JSX.Element | null = () => null) {
  let loaded: ComponentType<P> | undefined;
  let loading: Promise<ComponentType<P>> | undefined;
  return function Lazy(props: P) {
    const [Component, setComponent] = useState<ComponentType<P> | undefined>(() => loaded);
    useEffect(() => {
      if (Component) return;
      let live = true;
      loading ??= load().then((c) => (loaded = c));
      void loading.then((c) => live && setComponent(() => c));
      return () => {
        live = false;
      };
    }, [Component]);
    return Component ? h(Component, props) : fallback();
  };
}
