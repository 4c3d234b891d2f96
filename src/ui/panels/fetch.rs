//! The app's own files (`areas.tsv`), fetched by the panels that need them,
//! and its modules loaded on demand (the Excel writer, the staff import).

/// The address of one of the app's own files (`areas.tsv`): beside the page,
/// or, in a host page (`<workforce-gap-calculator>`), beside the app's
/// scripts, whose base `www/element.js` publishes as
/// `globalThis.workforceGapAssets.base`.
pub fn asset_url(name: &str) -> String {
    let base = js_sys::Reflect::get(&js_sys::global(), &"workforceGapAssets".into())
        .ok()
        .filter(|a| a.is_object())
        .and_then(|a| js_sys::Reflect::get(&a, &"base".into()).ok())
        .and_then(|b| b.as_string());
    match base {
        Some(base) => web_sys::Url::new_with_base(name, &base)
            .map(|u| u.href())
            .unwrap_or_else(|_| name.to_string()),
        None => name.to_string(),
    }
}

/// Fetch one of the app's own files ([`asset_url`]) as text, or say in a
/// sentence what went wrong (`what`: "the list of areas").
#[cfg(target_arch = "wasm32")]
pub async fn fetch_text(name: &str, what: &str) -> Result<String, String> {
    use wasm_bindgen::JsCast;
    use wasm_bindgen_futures::JsFuture;
    let failed = |why: &str| {
        let mut what = what.to_string();
        if let Some(first) = what.get_mut(0..1) {
            first.make_ascii_uppercase();
        }
        format!("{what} could not be loaded ({why}).")
    };
    let window = gloo::utils::window();
    let response = JsFuture::from(window.fetch_with_str(&asset_url(name)))
        .await
        .map_err(|_| failed("no answer from the server"))?;
    let response: web_sys::Response = response.dyn_into().map_err(|_| failed("not a response"))?;
    if !response.ok() {
        // As a u32: formatting a u16 would add its own code to the page.
        return Err(failed(&format!(
            "the server said {}",
            u32::from(response.status())
        )));
    }
    let text = response.text().map_err(|_| failed("no text"))?;
    Ok(JsFuture::from(text)
        .await
        .map_err(|_| failed("the download broke off"))?
        .as_string()
        .unwrap_or_default())
}

/// Native builds have no server to fetch from.
#[cfg(not(target_arch = "wasm32"))]
pub async fn fetch_text(_name: &str, what: &str) -> Result<String, String> {
    Err(format!("{what} can only be loaded in the browser."))
}

#[wasm_bindgen::prelude::wasm_bindgen(inline_js = r#"
const loading = {};
// A module loaded on demand (`workbook`, `staff-import`), named by
// <meta name=wg-NAME> (or, in a host page, by www/element.js's `assetKey`);
// one import per page, retried after a failure.
export function loadModule(name, assetKey) {
  if (!loading[name]) {
    const assets = globalThis.workforceGapAssets;
    const meta = document.querySelector(`meta[name="wg-${name}"]`);
    const url = assets && assets[assetKey]
      ? new URL(assets[assetKey], assets.base).href
      : new URL(meta ? meta.content : `${name}.js`, document.baseURI).href;
    loading[name] = import(url)
      .then(async (m) => { await m.default({ module_or_path: url.replace(/\.js$/, '_bg.wasm') }); return m; })
      .catch((e) => { delete loading[name]; throw e; });
  }
  return loading[name];
}
"#)]
extern "C" {
    /// The module `name` (its exports), initialised; `asset_key` is its
    /// entry in `globalThis.workforceGapAssets` in a host page.
    #[wasm_bindgen(js_name = loadModule)]
    pub fn load_module(name: &str, asset_key: &str) -> js_sys::Promise;
}
