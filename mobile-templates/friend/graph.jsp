<%-- mixiGraph for PC and smartphone: an SVG picture (member, friends, friends of friends) and the two lists --%>
<p:page title="mixiGraph - ${owner.nickname}さん" keitaiPath="/members/${owner.id}/graph">
<h1><c:out value="${owner.nickname}"/>さんのmixiGraph</h1>
<p>マイミク${graph.friendCount}人・友人の友人${graph.secondCount}人</p>
<svg xmlns="http://www.w3.org/2000/svg" class="graph" viewBox="<c:out value='${graph.viewBox()}'/>" width="100%" style="max-width:${graph.size}px" role="img" aria-label="mixiGraph">
<path d="<c:out value='${graph.outerPath()}'/>" stroke="#ccc" stroke-width="1" fill="none"/>
<path d="<c:out value='${graph.innerPath()}'/>" stroke="#f80" stroke-width="1.5" fill="none"/>
<c:forEach items="${graph.nodes}" var="n">
<a href="<c:url value='/members/${n.id}/graph'/>" class="${n.ring == 1 ? 'node friend' : 'node second'}"><circle cx="<c:out value='${n.x}'/>" cy="<c:out value='${n.y}'/>" r="${n.ring == 1 ? '7' : '5'}" fill="${n.ring == 1 ? '#f80' : '#9bd'}"/><text x="<c:out value='${n.x}'/>" y="${n.y + 16}" font-size="13" text-anchor="middle"><c:out value="${n.label()}"/></text></a>
</c:forEach>
<a href="<c:url value='/members/${graph.center.id}'/>" class="node center"><circle cx="<c:out value='${graph.center.x}'/>" cy="<c:out value='${graph.center.y}'/>" r="12" fill="#e33"/><text x="<c:out value='${graph.center.x}'/>" y="${graph.center.y + 26}" font-size="15" font-weight="bold" text-anchor="middle"><c:out value="${graph.center.label()}"/></text></a>
</svg>
<h2><c:choose><c:when test="${self}">マイミク</c:when><c:otherwise>共通のマイミク</c:otherwise></c:choose></h2>
<c:if test="${empty graph.mutual}"><p>（いません）</p></c:if>
<ul class="mutual"><c:forEach items="${graph.mutual}" var="p"><li><a href="<c:url value='/members/${p.id}'/>"><c:out value="${p.nickname}"/></a></li></c:forEach></ul>
<h2>知り合いかも？（友人の友人）</h2>
<c:if test="${empty graph.mayKnow}"><p>（いません）</p></c:if>
<ul class="may-know"><c:forEach items="${graph.mayKnow}" var="p"><li><a href="<c:url value='/members/${p.id}'/>"><c:out value="${p.nickname}"/></a>（共通のマイミク${p.commonCount}人）</li></c:forEach></ul>
<p><a href="<c:url value='/members/${owner.id}'/>">プロフィールへ</a> | <a href="<c:url value='/home'/>">ホームへ</a></p>
</p:page>
