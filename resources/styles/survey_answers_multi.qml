<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>
<qgis version="3.22.16-Białowieża" styleCategories="Fields|Forms">
 <fieldConfiguration>
  <field name="fid" configurationFlags="None">
   <editWidget type="Hidden">
    <config>
     <Option/>
    </config>
   </editWidget>
  </field>
  <field name="uuid" configurationFlags="None">
   <editWidget type="Hidden">
    <config>
     <Option/>
    </config>
   </editWidget>
  </field>
  <field name="response_uuid" configurationFlags="None">
   <editWidget type="TextEdit">
    <config>
     <Option type="Map">
      <Option type="bool" name="IsMultiline" value="false"/>
      <Option type="bool" name="UseHtml" value="false"/>
     </Option>
    </config>
   </editWidget>
  </field>
  <field name="question" configurationFlags="None">
   <editWidget type="ValueMap">
    <config>
     <Option type="Map">
      <Option type="List" name="map">
       <Option type="Map">
        <Option type="QString" name="Parmi ces lieux, lesquels fréquentez-vous au moins une fois par mois ?" value="centralities_visited"/>
       </Option>
       <Option type="Map">
        <Option type="QString" name="Pour quelles raisons y venez-vous ? (3 au plus)" value="visit_reasons"/>
       </Option>
       <Option type="Map">
        <Option type="QString" name="À quels moments souhaiteriez-vous que les commerces soient ouverts ?" value="opening_hours_wishes"/>
       </Option>
       <Option type="Map">
        <Option type="QString" name="Quels types de commerces ou de services vous manquent en centre-ville ? (3 au plus)" value="missing_groups"/>
       </Option>
       <Option type="Map">
        <Option type="QString" name="Quelles devraient être les priorités pour le centre-ville ? (3 au plus)" value="priorities"/>
       </Option>
       <Option type="Map">
        <Option type="QString" name="Par quels moyens aimeriez-vous acheter aux producteurs locaux ?" value="producer_channels"/>
       </Option>
      </Option>
     </Option>
    </config>
   </editWidget>
  </field>
  <field name="centrality_code" configurationFlags="None">
   <editWidget type="ValueRelation">
    <config>
     <Option type="Map">
      <Option type="bool" name="AllowMulti" value="false"/>
      <Option type="bool" name="AllowNull" value="true"/>
      <Option type="QString" name="Description" value=""/>
      <Option type="QString" name="FilterExpression" value=""/>
      <Option type="QString" name="Key" value="code"/>
      <Option type="QString" name="Layer" value=""/>
      <Option type="QString" name="LayerName" value="centralities"/>
      <Option type="QString" name="LayerProviderName" value="ogr"/>
      <Option type="QString" name="LayerSource" value=""/>
      <Option type="int" name="NofColumns" value="1"/>
      <Option type="bool" name="OrderByValue" value="true"/>
      <Option type="bool" name="UseCompleter" value="false"/>
      <Option type="QString" name="Value" value="name"/>
     </Option>
    </config>
   </editWidget>
  </field>
  <field name="choice" configurationFlags="None">
   <editWidget type="TextEdit">
    <config>
     <Option type="Map">
      <Option type="bool" name="IsMultiline" value="false"/>
      <Option type="bool" name="UseHtml" value="false"/>
     </Option>
    </config>
   </editWidget>
  </field>
 </fieldConfiguration>
 <aliases>
  <alias name="" field="fid" index="0"/>
  <alias name="Identifiant" field="uuid" index="1"/>
  <alias name="Réponse (uuid)" field="response_uuid" index="2"/>
  <alias name="Question" field="question" index="3"/>
  <alias name="Centralité" field="centrality_code" index="4"/>
  <alias name="Réponse cochée" field="choice" index="5"/>
 </aliases>
 <defaults>
  <default expression="" field="fid" applyOnUpdate="0"/>
  <default expression="uuid('WithoutBraces')" field="uuid" applyOnUpdate="0"/>
  <default expression="" field="response_uuid" applyOnUpdate="0"/>
  <default expression="" field="question" applyOnUpdate="0"/>
  <default expression="" field="centrality_code" applyOnUpdate="0"/>
  <default expression="" field="choice" applyOnUpdate="0"/>
 </defaults>
 <constraints>
  <constraint unique_strength="0" exp_strength="0" field="fid" notnull_strength="0" constraints="0"/>
  <constraint unique_strength="0" exp_strength="0" field="uuid" notnull_strength="1" constraints="1"/>
  <constraint unique_strength="0" exp_strength="0" field="response_uuid" notnull_strength="1" constraints="1"/>
  <constraint unique_strength="0" exp_strength="0" field="question" notnull_strength="1" constraints="1"/>
  <constraint unique_strength="0" exp_strength="0" field="centrality_code" notnull_strength="0" constraints="0"/>
  <constraint unique_strength="0" exp_strength="0" field="choice" notnull_strength="1" constraints="1"/>
 </constraints>
 <constraintExpressions>
  <constraint desc="" field="fid" exp=""/>
  <constraint desc="" field="uuid" exp=""/>
  <constraint desc="" field="response_uuid" exp=""/>
  <constraint desc="" field="question" exp=""/>
  <constraint desc="" field="centrality_code" exp=""/>
  <constraint desc="" field="choice" exp=""/>
 </constraintExpressions>
 <expressionfields/>
 <editform tolerant="1"></editform>
 <editforminit/>
 <editforminitcodesource>0</editforminitcodesource>
 <editforminitfilepath></editforminitfilepath>
 <editforminitcode><![CDATA[]]></editforminitcode>
 <featformsuppress>0</featformsuppress>
 <editorlayout>tablayout</editorlayout>
 <attributeEditorForm>
  <attributeEditorContainer groupBox="0" visibilityExpressionEnabled="0" name="Réponse" visibilityExpression="" showLabel="1" columnCount="1">
   <attributeEditorField name="response_uuid" showLabel="1" index="2"/>
   <attributeEditorField name="centrality_code" showLabel="1" index="4"/>
   <attributeEditorField name="question" showLabel="1" index="3"/>
   <attributeEditorField name="choice" showLabel="1" index="5"/>
  </attributeEditorContainer>
 </attributeEditorForm>
 <editable>
  <field editable="1" name="centrality_code"/>
  <field editable="1" name="choice"/>
  <field editable="1" name="question"/>
  <field editable="1" name="response_uuid"/>
  <field editable="1" name="uuid"/>
 </editable>
 <labelOnTop>
  <field name="centrality_code" labelOnTop="1"/>
  <field name="choice" labelOnTop="1"/>
  <field name="question" labelOnTop="1"/>
  <field name="response_uuid" labelOnTop="1"/>
  <field name="uuid" labelOnTop="1"/>
 </labelOnTop>
 <reuseLastValue/>
 <dataDefinedFieldProperties/>
 <widgets/>
 <layerGeometryType>4</layerGeometryType>
</qgis>
