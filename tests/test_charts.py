from mediakit.charts import responsive


def test_ids_get_a_per_chart_prefix_so_inline_svgs_do_not_collide():
    svg = ('<svg xmlns="http://www.w3.org/2000/svg" width="300" height="200" viewBox="0 0 300 200">'
           '<clipPath id="clip1"><rect/></clipPath><g clip-path="url(#clip1)"></g></svg>')
    out = responsive(svg, "tiktok-views")
    assert 'id="tiktok-views-clip1"' in out
    assert "url(#tiktok-views-clip1)" in out
    assert 'width="300"' not in out and 'viewBox="0 0 300 200"' in out  # scales with the page
    assert out.startswith('<svg role="img" aria-hidden="true"')
