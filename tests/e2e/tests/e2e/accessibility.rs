//! axe-core, injected into the running studio, finds no serious or critical accessibility
//! violation — with a finished job on the page, the options unfolded, in light and dark schemes.

use angleshot_e2e::fixtures::studio_servers;
use angleshot_e2e::with_browser;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn axe_finds_no_serious_violations_in_light_or_dark() {
    let (site, api) = studio_servers(400).await;
    with_browser(|page| async move {
        page.open(&site.url()).await;
        // The empty studio first: no key, nothing chosen, Generate disabled with its reason.
        let empty = page.axe_serious_violations().await;
        assert!(empty.is_empty(), "empty studio:\n{}", empty.join("\n"));

        page.ready_with_image(&api).await;
        page.set_slider("Rotate", -45).await;
        page.click_button("Generate").await;
        page.wait_newest_success(1).await;
        page.click_button("More options").await;
        for scheme in ["light", "dark"] {
            page.color_scheme(scheme).await;
            tokio::time::sleep(std::time::Duration::from_millis(200)).await;
            page.screenshot(&format!("studio-{scheme}")).await;
            let found = page.axe_serious_violations().await;
            assert!(found.is_empty(), "{scheme} scheme:\n{}", found.join("\n"));
        }
        let background = page
            .eval("return getComputedStyle(document.body).backgroundColor")
            .await;
        assert_eq!(background, "rgb(20, 20, 23)", "the dark scheme applies");
    })
    .await;
}
