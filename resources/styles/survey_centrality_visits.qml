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
  <field name="centrality_uuid" configurationFlags="None">
   <editWidget type="Hidden">
    <config>
     <Option/>
    </config>
   </editWidget>
  </field>
  <field name="frequency" configurationFlags="None">
   <editWidget type="ValueMap">
    <config>
     <Option type="Map">
      <Option type="List" name="map">
       <Option type="Map">
        <Option type="QString" name="(sans réponse)" value="{2839923C-8B7D-419E-B84B-CA2FE9B80EC7}"/>
       </Option>
       <Option type="Map">
        <Option type="QString" name="Tous les jours ou presque" value="daily"/>
       </Option>
       <Option type="Map">
        <Option type="QString" name="Plusieurs fois par semaine" value="several_week"/>
       </Option>
       <Option type="Map">
        <Option type="QString" name="Une fois par semaine" value="weekly"/>
       </Option>
       <Option type="Map">
        <Option type="QString" name="Deux ou trois fois par mois" value="several_month"/>
       </Option>
       <Option type="Map">
        <Option type="QString" name="Une fois par mois" value="monthly"/>
       </Option>
       <Option type="Map">
        <Option type="QString" name="Moins souvent" value="rarely"/>
       </Option>
      </Option>
     </Option>
    </config>
   </editWidget>
  </field>
  <field name="transport_mode" configurationFlags="None">
   <editWidget type="ValueMap">
    <config>
     <Option type="Map">
      <Option type="List" name="map">
       <Option type="Map">
        <Option type="QString" name="(sans réponse)" value="{2839923C-8B7D-419E-B84B-CA2FE9B80EC7}"/>
       </Option>
       <Option type="Map">
        <Option type="QString" name="À pied" value="walk"/>
       </Option>
       <Option type="Map">
        <Option type="QString" name="À vélo, trottinette" value="bike"/>
       </Option>
       <Option type="Map">
        <Option type="QString" name="Bus, car, train" value="public_transport"/>
       </Option>
       <Option type="Map">
        <Option type="QString" name="Voiture (conducteur)" value="car_driver"/>
       </Option>
       <Option type="Map">
        <Option type="QString" name="Voiture (passager), covoiturage" value="car_passenger"/>
       </Option>
       <Option type="Map">
        <Option type="QString" name="Deux-roues motorisé" value="motorbike"/>
       </Option>
       <Option type="Map">
        <Option type="QString" name="Autre" value="other"/>
       </Option>
      </Option>
     </Option>
    </config>
   </editWidget>
  </field>
  <field name="parking_place" configurationFlags="None">
   <editWidget type="ValueMap">
    <config>
     <Option type="Map">
      <Option type="List" name="map">
       <Option type="Map">
        <Option type="QString" name="(sans réponse)" value="{2839923C-8B7D-419E-B84B-CA2FE9B80EC7}"/>
       </Option>
       <Option type="Map">
        <Option type="QString" name="Sur voirie, gratuit" value="street_free"/>
       </Option>
       <Option type="Map">
        <Option type="QString" name="Sur voirie, payant" value="street_paid"/>
       </Option>
       <Option type="Map">
        <Option type="QString" name="Parking en ouvrage payant" value="car_park_paid"/>
       </Option>
       <Option type="Map">
        <Option type="QString" name="Parking gratuit" value="car_park_free"/>
       </Option>
       <Option type="Map">
        <Option type="QString" name="Parking relais" value="park_and_ride"/>
       </Option>
       <Option type="Map">
        <Option type="QString" name="Place privée (domicile, travail)" value="private"/>
       </Option>
       <Option type="Map">
        <Option type="QString" name="Parking d'un commerce" value="shop_car_park"/>
       </Option>
      </Option>
     </Option>
    </config>
   </editWidget>
  </field>
  <field name="parking_search" configurationFlags="None">
   <editWidget type="ValueMap">
    <config>
     <Option type="Map">
      <Option type="List" name="map">
       <Option type="Map">
        <Option type="QString" name="(sans réponse)" value="{2839923C-8B7D-419E-B84B-CA2FE9B80EC7}"/>
       </Option>
       <Option type="Map">
        <Option type="QString" name="Immédiatement" value="immediate"/>
       </Option>
       <Option type="Map">
        <Option type="QString" name="Moins de 5 minutes" value="under_5"/>
       </Option>
       <Option type="Map">
        <Option type="QString" name="5 à 15 minutes" value="5_15"/>
       </Option>
       <Option type="Map">
        <Option type="QString" name="Plus de 15 minutes" value="over_15"/>
       </Option>
      </Option>
     </Option>
    </config>
   </editWidget>
  </field>
 </fieldConfiguration>
 <aliases>
  <alias name="" field="fid" index="0"/>
  <alias name="Identifiant" field="uuid" index="1"/>
  <alias name="Réponse (uuid)" field="response_uuid" index="2"/>
  <alias name="Centralité" field="centrality_code" index="3"/>
  <alias name="Centralité (uuid)" field="centrality_uuid" index="4"/>
  <alias name="À quelle fréquence y venez-vous ?" field="frequency" index="5"/>
  <alias name="Comment y venez-vous le plus souvent ?" field="transport_mode" index="6"/>
  <alias name="Où vous garez-vous le plus souvent ?" field="parking_place" index="7"/>
  <alias name="Combien de temps cherchez-vous une place ?" field="parking_search" index="8"/>
 </aliases>
 <defaults>
  <default expression="" field="fid" applyOnUpdate="0"/>
  <default expression="uuid('WithoutBraces')" field="uuid" applyOnUpdate="0"/>
  <default expression="" field="response_uuid" applyOnUpdate="0"/>
  <default expression="" field="centrality_code" applyOnUpdate="0"/>
  <default expression="" field="centrality_uuid" applyOnUpdate="0"/>
  <default expression="" field="frequency" applyOnUpdate="0"/>
  <default expression="" field="transport_mode" applyOnUpdate="0"/>
  <default expression="" field="parking_place" applyOnUpdate="0"/>
  <default expression="" field="parking_search" applyOnUpdate="0"/>
 </defaults>
 <constraints>
  <constraint unique_strength="0" exp_strength="0" field="fid" notnull_strength="0" constraints="0"/>
  <constraint unique_strength="0" exp_strength="0" field="uuid" notnull_strength="1" constraints="1"/>
  <constraint unique_strength="0" exp_strength="0" field="response_uuid" notnull_strength="1" constraints="1"/>
  <constraint unique_strength="0" exp_strength="0" field="centrality_code" notnull_strength="1" constraints="1"/>
  <constraint unique_strength="0" exp_strength="0" field="centrality_uuid" notnull_strength="0" constraints="0"/>
  <constraint unique_strength="0" exp_strength="1" field="frequency" notnull_strength="0" constraints="4"/>
  <constraint unique_strength="0" exp_strength="1" field="transport_mode" notnull_strength="0" constraints="4"/>
  <constraint unique_strength="0" exp_strength="1" field="parking_place" notnull_strength="0" constraints="4"/>
  <constraint unique_strength="0" exp_strength="0" field="parking_search" notnull_strength="0" constraints="0"/>
 </constraints>
 <constraintExpressions>
  <constraint desc="" field="fid" exp=""/>
  <constraint desc="" field="uuid" exp=""/>
  <constraint desc="" field="response_uuid" exp=""/>
  <constraint desc="" field="centrality_code" exp=""/>
  <constraint desc="" field="centrality_uuid" exp=""/>
  <constraint desc="Réponse obligatoire." field="frequency" exp="&quot;frequency&quot; IS NOT NULL"/>
  <constraint desc="Réponse obligatoire." field="transport_mode" exp="&quot;transport_mode&quot; IS NOT NULL"/>
  <constraint desc="Réponse obligatoire." field="parking_place" exp="NOT (&quot;transport_mode&quot; IN ('car_driver', 'motorbike')) OR &quot;parking_place&quot; IS NOT NULL"/>
  <constraint desc="" field="parking_search" exp=""/>
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
   <attributeEditorField name="centrality_code" showLabel="1" index="3"/>
   <attributeEditorField name="frequency" showLabel="1" index="5"/>
   <attributeEditorField name="transport_mode" showLabel="1" index="6"/>
   <attributeEditorContainer groupBox="1" visibilityExpressionEnabled="1" name="parking_place" visibilityExpression="&quot;transport_mode&quot; IN ('car_driver', 'motorbike')" showLabel="0" columnCount="1">
    <attributeEditorField name="parking_place" showLabel="1" index="7"/>
   </attributeEditorContainer>
   <attributeEditorContainer groupBox="1" visibilityExpressionEnabled="1" name="parking_search" visibilityExpression="&quot;transport_mode&quot; IN ('car_driver', 'motorbike')" showLabel="0" columnCount="1">
    <attributeEditorField name="parking_search" showLabel="1" index="8"/>
   </attributeEditorContainer>
  </attributeEditorContainer>
 </attributeEditorForm>
 <editable>
  <field editable="1" name="centrality_code"/>
  <field editable="1" name="centrality_uuid"/>
  <field editable="1" name="frequency"/>
  <field editable="1" name="parking_place"/>
  <field editable="1" name="parking_search"/>
  <field editable="1" name="response_uuid"/>
  <field editable="1" name="transport_mode"/>
  <field editable="1" name="uuid"/>
 </editable>
 <labelOnTop>
  <field name="centrality_code" labelOnTop="1"/>
  <field name="centrality_uuid" labelOnTop="1"/>
  <field name="frequency" labelOnTop="1"/>
  <field name="parking_place" labelOnTop="1"/>
  <field name="parking_search" labelOnTop="1"/>
  <field name="response_uuid" labelOnTop="1"/>
  <field name="transport_mode" labelOnTop="1"/>
  <field name="uuid" labelOnTop="1"/>
 </labelOnTop>
 <reuseLastValue/>
 <dataDefinedFieldProperties/>
 <widgets/>
 <layerGeometryType>4</layerGeometryType>
</qgis>
