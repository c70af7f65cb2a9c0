<%-- profile: the owner's number of マイミク and the way to their mixiGraph --%>
<p>マイミク <span class="friend-count"><c:out value="${section}"/></span>人 | <a href="<c:url value='/members/${owner.id}/graph'/>">mixiGraph</a></p>
